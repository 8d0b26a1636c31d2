"""The whole guide for print, in parts: one page per menu section, and a page that lists them.

A part is a page holding `<!-- whole-guide: SECTION -->` markers (docs/print-*.md). Once every page
is built, each part receives the articles of its sections' pages (publish/whole.py), and the page
holding `<!-- print-parts -->` (print.md) the list of parts, each page of a part under the id the
single print page once gave it, so an old link to print.html#compare-salary still finds Salary.
One page for the whole guide grew too slow to lay out (8,000 elements); a part stays near 5,000.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..blocks.site import PRINT_PARTS_PLACEHOLDER
from ..core.markup import page_url
from ..core.menu import MenuSection
from .whole import RenderedPage, combine, section_id

_ARTICLE_START = '<article class="md-content__inner md-typeset">'
_WHOLE_GUIDE = re.compile(r'<div class="fg-whole-guide" data-menu="([^"]+)"></div>')


@dataclass(frozen=True)
class Part:
    path: str  # "print-compare.md"
    sections: list[MenuSection]
    pages: list[tuple[str, str]]  # (title, page.md) of every page in its sections, in menu order

    @property
    def title(self) -> str:
        return " and ".join(section.title for section in self.sections)


def article(page_html: str) -> str:
    """The page's own content: what Material's theme (and Zensical's) puts in its article element."""
    start = page_html.index(_ARTICLE_START) + len(_ARTICLE_START)
    return page_html[start:page_html.index("</article>", start)]


def find_parts(built: dict[str, str], menu: list[MenuSection]) -> list[Part]:
    """The parts among the built pages (page.md -> its HTML), in menu order. No print page is printed."""
    by_key = {section.key: section for section in menu}
    printing = {path for path, text in built.items() if _WHOLE_GUIDE.search(text) or PRINT_PARTS_PLACEHOLDER in text}
    parts = []
    for path, text in built.items():
        if sections := [by_key[key] for key in _WHOLE_GUIDE.findall(text)]:
            pages = [(title, page) for s in sections for title, page in s.pages if page not in printing]
            parts.append(Part(path, sections, pages))
    order = [section.key for section in menu]
    return sorted(parts, key=lambda part: order.index(part.sections[0].key))


def fill_parts(site_dir: Path, built: dict[str, str], parts: list[Part]) -> None:
    """Each part gets its pages' articles, in place of its first marker; links between parts point into the right part."""
    located = {page_url(page): (page, part.path) for part in parts for _, page in part.pages}
    for part in parts:
        text = built[part.path]
        first = _WHOLE_GUIDE.search(text)
        pages = [RenderedPage(page, title, article(built[page])) for title, page in part.pages]
        filled = text[:first.start()] + combine(pages, part.path, located) + _WHOLE_GUIDE.sub("", text[first.end():])
        (site_dir / page_url(part.path)).write_text(filled, encoding="utf-8")


def list_parts(site_dir: Path, built: dict[str, str], parts: list[Part]) -> None:
    """The print page's list: each part, then its pages, linked into the part."""
    for path, text in built.items():
        if PRINT_PARTS_PLACEHOLDER in text:
            listing = "\n".join(_part_item(path, number, part) for number, part in enumerate(parts, 1))
            filled = text.replace(PRINT_PARTS_PLACEHOLDER, f'<ol class="fg-print-parts">\n{listing}\n</ol>', 1)
            (site_dir / page_url(path)).write_text(filled, encoding="utf-8")


def _part_item(from_page: str, number: int, part: Part) -> str:
    target = posixpath.relpath(page_url(part.path), posixpath.dirname(page_url(from_page)) or ".")
    pages = "".join(f'<li><a id="{section_id(page)}" href="{target}#{section_id(page)}">{html.escape(title)}</a></li>'
                    for title, page in part.pages)
    return f'<li><a href="{target}"><strong>Part {number}: {html.escape(part.title)}</strong></a><ul>{pages}</ul></li>'
