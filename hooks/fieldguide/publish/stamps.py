"""What each finished page says about itself: when it last changed, where to edit it, where the
guide's source lives, and, on the hosted site only, where to download the whole guide.

Written into the built HTML after any engine, so MkDocs and Zensical pages say the same. The dates
come from git; the edit and source links from the repository's address. A copy without git has no
dates: the page then says nothing rather than something wrong.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import subprocess
from datetime import date
from pathlib import Path

from ..blocks.markers import has_markers
from ..core.markup import page_url
from ..core.menu import CONFIG_PATH

ROOT = CONFIG_PATH.parent
DOCS = "docs"
# Every generated block is drawn from data/: a page with markers changes when its data does.
DATA = "data"
# The branch the deploy workflow publishes (.github/workflows/pages.yml, `branches: [main]`).
BRANCH = "main"

_ARTICLE_END = "</article>"
_FOOTER = '<div class="md-copyright">'
_FACTS_CLASS = "fg-page-facts"
_DOWNLOAD_CLASS = "fg-offline-download"
_SOURCE_CLASS = "fg-source"


# --- where the facts come from ---------------------------------------------------------------


def _git(args: list[str], root: Path) -> str | None:
    """git's output, or None when git is missing or the folder is not a repository."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def sources_of(page: str, root: Path = ROOT) -> list[str]:
    """The files a page is made from: its Markdown, and data/ when it holds generated blocks."""
    source = f"{DOCS}/{page}"
    path = root / source
    with_data = path.is_file() and has_markers(path.read_text(encoding="utf-8"))
    return [source, DATA] if with_data else [source]


def commit_dates(root: Path = ROOT) -> dict[str, date] | None:
    """The newest commit date of every file under docs/ and data/, from one `git log`; None without git."""
    log = _git(["log", "--format=%x00%cs", "--name-only", "--", DOCS, DATA], root)
    if log is None:
        return None
    dates: dict[str, date] = {}
    day = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = date.fromisoformat(line[1:])
        elif line and day:
            dates[line] = max(day, dates.get(line, day))
    return dates


def last_changed(sources: list[str], dates: dict[str, date] | None, root: Path = ROOT) -> date | None:
    """The newest date among the sources (a folder: any file in it). A file not committed yet is newer
    than any commit: its modification date then. None without git."""
    if dates is None:
        return None
    found = [day for path, day in dates.items() for source in sources
             if path == source or path.startswith(source + "/")]
    found += [date.fromtimestamp((root / s).stat().st_mtime) for s in sources
              if (root / s).is_file() and s not in dates]
    return max(found, default=None)


def repository_url(root: Path = ROOT, configured: str | None = None) -> str | None:
    """The repository's web address: REPO_URL when set; else GitHub Actions' own variables, which
    every step of the deploy workflow has; else the git remote "origin"; else the address mkdocs.yml
    gives (`configured`). None when all are missing."""
    if os.environ.get("REPO_URL"):
        return os.environ["REPO_URL"].rstrip("/")
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repository:
        return f"{server.rstrip('/')}/{repository}"
    remote = web_address(_git(["remote", "get-url", "origin"], root) or "")
    return remote or (configured.rstrip("/") if configured else None)


def web_address(remote: str) -> str | None:
    """"git@github.com:owner/name.git" or "https://github.com/owner/name.git" -> "https://github.com/owner/name"."""
    match = re.fullmatch(r"(?:https://|git@|ssh://git@)([\w.-]+)[:/]([\w.-]+/[\w.-]+?)(?:\.git)?/?", remote.strip())
    return f"https://{match[1]}/{match[2]}" if match else None


def edit_url(repository: str, page: str) -> str:
    return f"{repository}/edit/{BRANCH}/{DOCS}/{page}"


# --- writing them into the pages --------------------------------------------------------------


def date_text(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def facts_html(updated: date | None, edit: str | None) -> str:
    """The line under a page's text: "Last updated 30 November 2026 · Edit this page"."""
    facts = []
    if updated:
        facts.append(f'Last updated <time datetime="{updated.isoformat()}">{date_text(updated)}</time>')
    if edit:
        facts.append(f'<a href="{html.escape(edit)}">Edit this page</a>')
    spans = "".join(f'<span class="md-source-file__fact">{fact}</span>' for fact in facts)
    return f'<aside class="md-source-file {_FACTS_CLASS}">{spans}</aside>' if facts else ""


def source_html(repository: str) -> str:
    """The footer's link to the repository: the guide's source and its history."""
    shown = re.sub(r"^https?://", "", repository)
    return f'<div class="{_SOURCE_CLASS}">Source and history: <a href="{html.escape(repository)}">{html.escape(shown)}</a></div>'


def stamp_pages(site_dir: Path, pages: list[str], whole_guide: list[str], root: Path = ROOT,
                configured_repository: str | None = None) -> None:
    """Each page gets its date and edit link at the end of its text, and the repository's address in
    its footer. A whole-guide page is as new as its newest page, and has no source worth editing."""
    repository, dates = repository_url(root, configured_repository), commit_dates(root)
    every_source = sorted({s for page in pages for s in sources_of(page, root)})
    for page in pages:
        whole = page in whole_guide
        updated = last_changed(every_source if whole else sources_of(page, root), dates, root)
        edit = edit_url(repository, page) if repository and not whole else None
        path = site_dir / page_url(page)
        text = _inserted(path.read_text(encoding="utf-8"), _ARTICLE_END, facts_html(updated, edit), before=True)
        text = _inserted(text, _FOOTER, source_html(repository) if repository else "", before=False)
        path.write_text(text, encoding="utf-8")


def size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} kB"


def link_archive(site_dir: Path, archive: Path) -> None:
    """Every hosted page's footer offers the offline copy, with its size. Run after the archive is
    written, so the pages inside it never link to an archive they are not in."""
    label = f"Download for offline reading (.zip, {size_text(archive.stat().st_size)})"
    for path in sorted(site_dir.rglob("*.html")):
        if path.relative_to(site_dir).parts[0] == "assets":
            continue
        page = path.relative_to(site_dir).as_posix()
        target = posixpath.relpath(archive.relative_to(site_dir).as_posix(), posixpath.dirname(page) or ".")
        link = f'<div class="{_DOWNLOAD_CLASS}"><a href="{target}" download>{label}</a></div>'
        path.write_text(_inserted(path.read_text(encoding="utf-8"), _FOOTER, link, before=False), encoding="utf-8")


def _inserted(text: str, anchor: str, fragment: str, before: bool) -> str:
    """The page with the fragment before or after its first anchor; a page without the anchor, or
    with the fragment already, as it was."""
    if not fragment or anchor not in text or fragment in text:
        return text
    at = text.index(anchor) + (0 if before else len(anchor))
    return text[:at] + fragment + text[at:]
