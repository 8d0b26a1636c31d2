"""Pages of the guide on one print page, in reading order, for print, PDF and e-readers.

Each page's rendered HTML becomes a section of the print page. Its ids are
prefixed with the page's name so that they stay unique, its headings move one
level down under the page's own heading, and links between pages become links
within the print page, or into the print page that holds the other page.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from ..blocks.site import LINKS_INDEX
from ..core.markup import page_url

_ID = re.compile(r'\bid="([^"]+)"')
_LABELLED = re.compile(r'\baria-(labelledby|describedby)="([^"]+)"')  # ids again: they must follow the renamed ones
# The index of stable links is a tool for the web, a long table of addresses on paper:
# the print page names it instead of copying it.
_LINKS_INDEX = re.compile(re.escape(LINKS_INDEX[0]) + ".*?" + re.escape(LINKS_INDEX[1]), re.DOTALL)
_HREF = re.compile(r'\bhref="([^"]*)"')
# The print page runs no scripts (mkdocs.yml, extra.static_pages): the tools' inlined data would be dead weight.
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_HEADING = re.compile(r"<(/?)h([1-5])\b")


@dataclass(frozen=True)
class RenderedPage:
    path: str  # "roles/data-scientist.md"
    title: str
    html: str


def section_id(path: str, anchor: str = "") -> str:
    """"roles/data-scientist.md", "salary" -> "roles-data-scientist--salary"."""
    base = page_url(path).removesuffix(".html").replace("/", "-")
    return f"{base}--{anchor}" if anchor else base


def combine(pages: list[RenderedPage], print_page: str, located: dict[str, tuple[str, str]] | None = None) -> str:
    """One HTML fragment holding the pages, links rewritten to stay inside the printed guide.
    `located` maps a page's address to (page.md, the print page holding it), for every printed page."""
    located = located or {page_url(p.path): (p.path, print_page) for p in pages}
    parts = [_contents(pages)]
    parts += [_section(page, located, print_page) for page in pages]
    return "\n".join(parts)


def _section(page: RenderedPage, located: dict[str, tuple[str, str]], print_page: str) -> str:
    """One page as a section of the print page: ids prefixed, links kept inside, headings a level down."""
    body = _LINKS_INDEX.sub(_links_note, page.html)
    body = _SCRIPT.sub("", body)
    body = _ID.sub(lambda m: f'id="{section_id(page.path, m[1])}"', body)
    body = _LABELLED.sub(lambda m: f'aria-{m[1]}="{" ".join(section_id(page.path, i) for i in m[2].split())}"', body)
    body = _HREF.sub(lambda m: f'href="{_rewrite(m[1], page.path, located, print_page)}"', body)
    body = _HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", body)
    return f'<section class="fg-print-page" id="{section_id(page.path)}">\n{body}\n</section>'


def _links_note(match: re.Match) -> str:
    return ('<p class="fg-links-note">The index of stable links is left out of the printed guide; '
            "it is on the Stable links page of the site.</p>")


def _contents(pages: list[RenderedPage]) -> str:
    items = "".join(f'<li><a href="#{section_id(p.path)}">{html.escape(p.title)}</a></li>' for p in pages)
    return f'<nav class="fg-print-contents" aria-label="Contents"><p><strong>Contents</strong></p><ol>{items}</ol></nav>'


def _rewrite(url: str, from_path: str, located: dict[str, tuple[str, str]], print_page: str) -> str:
    if re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith("//"):
        return url  # another site
    target, _, anchor = url.partition("#")
    if not target:
        return f"#{section_id(from_path, anchor)}"
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_url(from_path)), target))
    if resolved in located:
        page, holder = located[resolved]
        inside = "" if holder == print_page else _relative(page_url(holder), print_page)
        return f"{inside}#{section_id(page, anchor)}"
    # A page printed nowhere, or a file that is not a page (a download, an image): as it is, from the print page.
    result = _relative(resolved, print_page)
    return f"{result}#{anchor}" if anchor else result


def _relative(address: str, print_page: str) -> str:
    return posixpath.relpath(address, posixpath.dirname(page_url(print_page)) or ".")
