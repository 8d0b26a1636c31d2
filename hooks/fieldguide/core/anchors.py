"""The anchor contract: every public link into the site, committed in data/anchors.txt.

One line per link: ``page.html#id<TAB>title`` (``page.html<TAB>title`` for a
whole page). A renamed section keeps its old id alive with an alias element
and the line ``page.html#old-id<TAB>(alias of #new-id)``; a moved page keeps
its old address with a redirect. The tests compare this list with the built site.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

CONTRACT_PATH = Path(__file__).resolve().parents[3] / "data" / "anchors.txt"
_ALIAS = re.compile(r"^\(alias of #(?P<target>[A-Za-z0-9_-]+)\)$")


class ContractError(ValueError):
    pass


@dataclass(frozen=True)
class Anchor:
    page: str  # "roles/data-scientist.html"
    anchor: str  # "responsibilities", or "" for the page itself
    title: str

    @property
    def target(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page

    @property
    def alias_of(self) -> str | None:
        match = _ALIAS.match(self.title)
        return match["target"] if match else None

    @property
    def is_alias(self) -> bool:
        return self.alias_of is not None

    def line(self) -> str:
        return f"{self.target}\t{self.title}"


def read_contract(path: Path = CONTRACT_PATH) -> list[Anchor]:
    anchors = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        target, tab, title = line.partition("\t")
        page, _, anchor = target.partition("#")
        if not tab or not title.strip() or not page.endswith(".html"):
            raise ContractError(f"{path.name}:{number}: expected 'page.html#id<TAB>title', got {line!r}")
        anchors.append(Anchor(page, anchor, title.strip()))
    return anchors


def write_contract(anchors: list[Anchor], path: Path = CONTRACT_PATH) -> None:
    header = (
        "# The anchor contract: every public link into the site. Tests fail when one of these\n"
        "# stops working. Add lines freely; never delete one (see README, 'Links are a contract').\n"
    )
    path.write_text(header + "".join(a.line() + "\n" for a in anchors), encoding="utf-8")


# --- reading the built site ---------------------------------------------------------


_SECTIONS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Headings(HTMLParser):
    """Collects every element id, and the text of headings, skipping permalink symbols."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.headings: dict[str, str] = {}  # id -> text, of h2..h6 and glossary terms
        self.page_title = ""
        self.redirect = None
        self._open: list[tuple[str, str, list[str]]] = []  # (tag, id, text parts)
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.redirect = (attrs.get("content") or "").partition("url=")[2] or None
        if tag in _SECTIONS or (tag == "dt" and attrs.get("id")):  # glossary terms are linkable too
            self._open.append((tag, attrs.get("id") or "", []))
        elif self._open and tag == "a" and "headerlink" in (attrs.get("class") or ""):
            self._skip += 1

    def handle_endtag(self, tag):
        if self._skip and tag == "a":
            self._skip -= 1
        elif self._open and tag == self._open[-1][0]:
            tag, element_id, parts = self._open.pop()
            text = " ".join("".join(parts).split())
            if tag == "h1" and not self.page_title:
                self.page_title = text
            elif tag != "h1" and element_id:
                self.headings[element_id] = text

    def handle_data(self, data):
        if self._open and not self._skip:
            self._open[-1][2].append(data)


@dataclass
class BuiltPage:
    title: str
    ids: set
    headings: dict  # heading id -> heading text
    redirect: str | None


def read_page(path: Path) -> BuiltPage:
    parser = _Headings()
    parser.feed(path.read_text(encoding="utf-8"))
    return BuiltPage(parser.page_title, parser.ids, parser.headings, parser.redirect)


UNLISTED_PAGES = {"404.html"}  # not content
# The printed guide's pages: their sections repeat the other pages' under derived ids, so only the
# pages themselves are promised (publish/printing.py).
WHOLE_PAGE_ONLY = re.compile(r"print(-[a-z]+)?\.html")


def public_anchors(site_dir: Path) -> list[Anchor]:
    """What the built site offers: every content page and its h2..h6 section ids."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        if page in UNLISTED_PAGES or page.startswith("assets/"):
            continue
        built = read_page(path)
        if built.redirect:
            continue
        found.append(Anchor(page, "", built.title))
        if not WHOLE_PAGE_ONLY.fullmatch(page):
            found += [Anchor(page, element_id, text) for element_id, text in built.headings.items()]
    return found


def broken_promises(contract: list[Anchor], site_dir: Path) -> list[str]:
    """Every contract line the built site no longer honours, as a readable sentence."""
    pages: dict[str, BuiltPage | None] = {}

    def page(name: str) -> BuiltPage | None:
        if name not in pages:
            path = site_dir / name
            pages[name] = read_page(path) if path.is_file() else None
        return pages[name]

    problems = []
    for entry in contract:
        built, name = page(entry.page), entry.page
        if built is not None and built.redirect:  # a moved page: follow its redirect
            name = posixpath.normpath(posixpath.join(posixpath.dirname(entry.page), built.redirect.split("#")[0]))
            built = page(name)
        if built is None:
            problems.append(f"{entry.target}: the page is gone (keep it with a redirect)")
        elif entry.is_alias:
            if entry.anchor not in built.ids or entry.alias_of not in built.ids:
                problems.append(f"{entry.target}: the alias or its target #{entry.alias_of} is gone")
        elif not entry.anchor:
            if built.title != entry.title:
                problems.append(f"{entry.target}: page title is now {built.title!r}, the contract says {entry.title!r}")
        elif entry.anchor not in built.ids:
            problems.append(f"{entry.target}: the section is gone (keep its id, or add an alias element)")
        elif entry.anchor in built.headings and built.headings[entry.anchor] != entry.title:
            problems.append(
                f"{entry.target}: heading is now {built.headings[entry.anchor]!r}, the contract says {entry.title!r}"
            )
    return problems


def unlisted(contract: list[Anchor], site_dir: Path) -> list[Anchor]:
    """Sections the site offers that the contract does not list yet."""
    known = {a.target for a in contract}
    return [a for a in public_anchors(site_dir) if a.target not in known]


def placed(contract: list[Anchor], new: list[Anchor], site: list[Anchor]) -> list[Anchor]:
    """The contract with each new anchor inserted after the one before it on the site, so that the
    file (and the links index built from it) follows the pages' own order. Existing lines keep theirs."""
    result = list(contract)
    targets = [a.target for a in site]
    for anchor in new:
        position = len(result)
        before = targets[: targets.index(anchor.target)] if anchor.target in targets else []
        known = {a.target: i for i, a in enumerate(result)}
        for target in reversed(before):
            if target in known and target.split("#")[0] == anchor.page:
                position = known[target] + 1
                break
        result.insert(position, anchor)
    return result


def main(argv: list[str]) -> int:
    """python -m fieldguide.core.anchors SITE_DIR: add the site's new anchors to the contract."""
    parser = argparse.ArgumentParser(prog="python -m fieldguide.core.anchors",
                                     description="Add the built site's new sections to data/anchors.txt; never removes a line.")
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"), metavar="SITE_DIR")
    site_dir = parser.parse_args(argv).site_dir
    contract = read_contract() if CONTRACT_PATH.exists() else []
    new = unlisted(contract, site_dir)
    write_contract(placed(contract, new, public_anchors(site_dir)))
    for anchor in new:
        print(f"added {anchor.target}")
    print(f"{len(new)} new anchor(s); {len(contract) + len(new)} in {CONTRACT_PATH.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
