"""python -m fieldguide.publish.finish SITE_DIR: the steps after an engine has rendered every page.

Engine-neutral on purpose: MkDocs' hook calls it after its build, and it runs the
same after any other engine that read mkdocs.yml. It moves the tools' data out of
their pages (read on first use), drops our stylesheet's comments, fills the parts
of the printed guide from the built pages, dates each page (with its edit link),
writes the data downloads, zips the finished site, and only then offers the zip
in the hosted pages' footer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.errors import DataError
from ..core.menu import CONFIG_PATH, menu_sections, reading_order, repository, stylesheets
from ..model.guide import Guide
from .export import write_downloads
from .printing import fill_parts, find_parts, list_parts
from .stamps import link_archive, stamp_pages
from .stylesheets import shrink_stylesheets
from .tool_data import move_tool_data


def finish(site_dir: Path, guide: Guide | None = None, config_path: Path = CONFIG_PATH) -> None:
    pages = [path for _, path in reading_order(config_path)]
    move_tool_data(site_dir, pages)
    shrink_stylesheets(site_dir, stylesheets(config_path))
    parts = fill_print_pages(site_dir, config_path)
    stamp_pages(site_dir, pages + parts, whole_guide=parts, root=config_path.parent,
                configured_repository=repository(config_path))
    archive = write_downloads(guide or Guide.load(), site_dir)
    link_archive(site_dir, archive)


def fill_print_pages(site_dir: Path, config_path: Path = CONFIG_PATH) -> list[str]:
    """Fill each part of the printed guide, and the print page's list of parts; return the parts."""
    built = {_source(path, site_dir): path.read_text(encoding="utf-8") for path in site_dir.glob("**/*.html")
             if path.relative_to(site_dir).parts[0] != "assets"}
    parts = find_parts(built, menu_sections(config_path))
    fill_parts(site_dir, built, parts)
    list_parts(site_dir, built, parts)
    return [part.path for part in parts]


def _source(path: Path, site_dir: Path) -> str:
    """"roles/data-scientist.html" -> "roles/data-scientist.md": the page's name as the menu gives it."""
    return path.relative_to(site_dir).with_suffix(".md").as_posix()


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
    print(f"Finished {site_dir}: tool data, stylesheet, print parts, page dates, downloads and offline archive")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
