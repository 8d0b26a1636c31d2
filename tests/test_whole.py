"""The whole guide on one page: ids stay unique, links stay inside the page, headings nest."""

from __future__ import annotations

import re

from conftest import read
from fieldguide.core.menu import reading_order
from fieldguide.publish.whole import RenderedPage, combine, section_id

PAGES = [
    RenderedPage("index.md", "Home", '<h1 id="home">Home</h1><p><a href="roles/ml-engineer.html#salary">pay</a> '
                                     '<a href="downloads/roles.json">data</a> <a href="https://www.bls.gov/">BLS</a></p>'),
    RenderedPage("roles/ml-engineer.md", "ML <engineer>", '<h2 id="salary">Salary</h2><p><a href="#salary">here</a> '
                                                         '<a href="../index.html">home</a></p>'),
]


def test_ids_are_prefixed_with_their_page():
    html = combine(PAGES, "print.md")
    assert 'id="index--home"' in html and 'id="roles-ml-engineer--salary"' in html
    assert 'id="salary"' not in html


def test_links_between_pages_stay_inside_the_print_page():
    html = combine(PAGES, "print.md")
    assert 'href="#roles-ml-engineer--salary">pay' in html
    assert 'href="#roles-ml-engineer--salary">here' in html
    assert 'href="#index">home' in html


def test_other_links_are_kept_working():
    html = combine(PAGES, "print.md")
    assert 'href="downloads/roles.json"' in html and 'href="https://www.bls.gov/"' in html


def test_headings_move_one_level_down_and_contents_are_escaped():
    html = combine(PAGES, "print.md")
    assert '<h2 id="index--home">Home</h2>' in html and '<h3 id="roles-ml-engineer--salary">Salary</h3>' in html
    assert "ML &lt;engineer&gt;" in html


def test_section_ids():
    assert section_id("roles/data-scientist.md", "salary") == "roles-data-scientist--salary"
    assert section_id("index.md") == "index"


def test_built_print_parts_hold_every_page_once_with_unique_ids(built_site):
    printed = []
    for part in sorted(built_site.glob("print-*.html")):
        html = part.read_text(encoding="utf-8")
        printed += re.findall(r'<section class="fg-print-page" id="([^"]+)">', html)
        ids = re.findall(r'\bid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), part.name
    menu = [section_id(page) for _, page in reading_order() if page != "print.md"]
    assert sorted(printed) == sorted(menu)
    compare = read(built_site, "print-compare.html")
    assert 'id="compare-expertise--python-or-r"' in compare and 'href="#compare-expertise--python-or-r"' in compare
    assert 'href="print-roles.html#roles-data-scientist' in compare  # a page in another part
    for name, page in [("print-roles.html", "roles-data-scientist"), ("print-reference.html", "sources")]:
        assert f'<section class="fg-print-page" id="{page}">' in read(built_site, name)


def test_links_into_another_print_page_name_it():
    located = {"index.html": ("index.md", "print-a.md"), "roles/ml-engineer.html": ("roles/ml-engineer.md", "print-b.md")}
    html = combine(PAGES[:1], "print-a.md", located)
    assert 'href="print-b.html#roles-ml-engineer--salary">pay' in html
    assert 'href="downloads/roles.json"' in html


def test_aria_references_follow_the_renamed_ids():
    page = RenderedPage("index.md", "Home", '<svg role="img" aria-labelledby="c-title c-desc"><title id="c-title">T</title>'
                                            '<desc id="c-desc">D</desc></svg>')
    html = combine([page], "print.md")
    assert 'aria-labelledby="index--c-title index--c-desc"' in html and 'id="index--c-desc"' in html
