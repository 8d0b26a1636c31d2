"""python -m fieldguide.publish.finish SITE_DIR: the steps after an engine has rendered every page.

Engine-neutral on purpose: MkDocs' hook calls it after its build, and it runs the
same after any other engine that read mkdocs.yml. It moves the tools' data out of
their pages (read on first use), drops our stylesheet's comments, fills the print
page from the built pages, dates each page (with its edit link), writes the data
downloads, zips the finished site, and only then offers the zip in the hosted
pages' footer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..blocks.site import WHOLE_GUIDE_PLACEHOLDER
from ..core.errors import DataError
from ..core.markup import page_url
from ..core.menu import CONFIG_PATH, reading_order, repository, stylesheets
from ..model.guide import Guide
from .export import write_downloads
from .stamps import link_archive, stamp_pages
from .stylesheets import shrink_stylesheets
from .tool_data import move_tool_data
from .whole import RenderedPage, combine

_ARTICLE_START = '<article class="md-content__inner md-typeset">'


def finish(site_dir: Path, guide: Guide | None = None, config_path: Path = CONFIG_PATH) -> None:
    pages = reading_order(config_path)
    move_tool_data(site_dir, [path for _, path in pages])
    shrink_stylesheets(site_dir, stylesheets(config_path))
    whole_guide = fill_print_page(site_dir, pages)
    stamp_pages(site_dir, [path for _, path in pages], whole_guide, root=config_path.parent,
                configured_repository=repository(config_path))
    archive = write_downloads(guide or Guide.load(), site_dir)
    link_archive(site_dir, archive)


def fill_print_page(site_dir: Path, pages: list[tuple[str, str]]) -> list[str]:
    """Put every other page's article into the page that holds the whole-guide placeholder; return
    the pages that held it."""
    built = {path: (site_dir / page_url(path)).read_text(encoding="utf-8") for _, path in pages}
    holders = [path for path, html in built.items() if WHOLE_GUIDE_PLACEHOLDER in html]
    for holder in holders:
        others = [RenderedPage(path, title, article(built[path])) for title, path in pages if path != holder]
        filled = built[holder].replace(WHOLE_GUIDE_PLACEHOLDER, combine(others, holder), 1)
        (site_dir / page_url(holder)).write_text(filled, encoding="utf-8")
    return holders


def article(page_html: str) -> str:
    """The page's own content: what Material's theme (and Zensical's) puts in its article element."""
    start = page_html.index(_ARTICLE_START) + len(_ARTICLE_START)
    return page_html[start:page_html.index("</article>", start)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m fieldguide.publish.finish", usage="%(prog)s SITE_DIR",
                                     description="Fill the print page, date the pages, write the downloads and the archive.")
    parser.add_argument("site_dir", type=Path, metavar="SITE_DIR")
    site_dir = parser.parse_args(argv).site_dir
    if not site_dir.is_dir():
        parser.error(f"{site_dir} is not a folder")
    try:
        finish(site_dir)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Finished {site_dir}: print page, page dates, downloads and offline archive")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
