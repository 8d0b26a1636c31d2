"""python -m fieldguide.publish.finish SITE_DIR: the steps after an engine has rendered every page.

Engine-neutral on purpose: MkDocs' hook calls it after its build, and it runs the
same after any other engine that read mkdocs.yml. It fills the print page from
the built pages, writes the data downloads, then zips the finished site.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..blocks.site import WHOLE_GUIDE_PLACEHOLDER
from ..core.errors import DataError
from ..core.markup import page_url
from ..core.menu import CONFIG_PATH, reading_order
from ..model.guide import Guide
from .export import write_downloads
from .whole import RenderedPage, combine

_ARTICLE_START = '<article class="md-content__inner md-typeset">'


def finish(site_dir: Path, guide: Guide | None = None, config_path: Path = CONFIG_PATH) -> None:
    fill_print_page(site_dir, reading_order(config_path))
    write_downloads(guide or Guide.load(), site_dir)


def fill_print_page(site_dir: Path, pages: list[tuple[str, str]]) -> None:
    """Put every other page's article into the page that holds the whole-guide placeholder."""
    built = {path: (site_dir / page_url(path)).read_text(encoding="utf-8") for _, path in pages}
    holders = [path for path, html in built.items() if WHOLE_GUIDE_PLACEHOLDER in html]
    for holder in holders:
        others = [RenderedPage(path, title, article(built[path])) for title, path in pages if path != holder]
        filled = built[holder].replace(WHOLE_GUIDE_PLACEHOLDER, combine(others, holder), 1)
        (site_dir / page_url(holder)).write_text(filled, encoding="utf-8")


def article(page_html: str) -> str:
    """The page's own content: what Material's theme (and Zensical's) puts in its article element."""
    start = page_html.index(_ARTICLE_START) + len(_ARTICLE_START)
    return page_html[start:page_html.index("</article>", start)]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m fieldguide.publish.finish SITE_DIR", file=sys.stderr)
        return 2
    try:
        finish(Path(argv[0]))
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Finished {argv[0]}: print page, downloads and offline archive")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
