"""`python -m fieldguide.publish.finish SITE_DIR`: the steps after any engine, on a small built site."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT
from fieldguide.blocks.registry import Context, expand
from fieldguide.blocks.tools import inline_data
from fieldguide.core.errors import MarkerError
from fieldguide.core.menu import menu_sections, reading_order
from fieldguide.model.guide import Guide
from fieldguide.publish.finish import fill_print_pages, finish
from fieldguide.publish.printing import article
from fieldguide.publish.stylesheets import minify
from fieldguide.publish.tool_data import move_tool_data


def built(title: str, body: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><nav>menu</nav>"
            f'<article class="md-content__inner md-typeset">{body}</article><footer>foot</footer></body></html>')


MENU = ("nav:\n  - Home: index.md\n  - Roles:\n      - ML engineer: roles/ml.md\n"
        "  - Reference:\n      - Glossary: glossary.md\n      - Print: print.md\n")


def small_site(site):
    """Three pages in three menu sections; two print parts, and the print page that lists them."""
    (site / "roles").mkdir(parents=True)
    (site / "index.html").write_text(built("Home", '<h1 id="home">Home</h1><a href="roles/ml.html#pay">pay</a>'))
    (site / "roles/ml.html").write_text(built("ML", '<h1 id="ml">ML</h1><h2 id="pay">Pay</h2><a href="../glossary.html#mlops">MLOps</a>'))
    (site / "glossary.html").write_text(built("Glossary", '<h1 id="glossary">Glossary</h1><h2 id="mlops">MLOps</h2>'))
    whole = site_block("whole-guide: home") + site_block("whole-guide: roles")
    (site / "print-roles.html").write_text(built("Print: Home and Roles", f"<h1>Home and Roles</h1>{whole}"))
    (site / "print-reference.html").write_text(built("Print: Reference", f"<h1>Reference</h1>{site_block('whole-guide: reference')}"))
    (site / "print.html").write_text(built("Print", f"<h1>Print</h1>{site_block('print-parts')}"))


def site_block(marker: str) -> str:
    """A marker expanded as a page would (registered by fieldguide.blocks.markers, which finish imports)."""
    return expand(f"<!-- {marker} -->", Context(Guide.load(FIXTURES / "valid.yml"), "print.md")).strip()


def test_reading_order_is_the_menu_of_mkdocs_yml():
    order = reading_order(ROOT / "mkdocs.yml")
    assert order[0] == ("Home", "index.md")
    assert ("The whole guide (print)", "print.md") in order
    parts = len(list((ROOT / "docs").glob("print-*.md")))
    assert len(order) == len({path for _, path in order}) == len(list((ROOT / "docs").rglob("*.md"))) - 1 - parts  # not includes/


def test_menu_sections_are_the_top_entries_of_the_menu():
    sections = menu_sections(ROOT / "mkdocs.yml")
    assert [s.key for s in sections] == ["home", "roles", "compare", "process", "guides", "reference"]
    assert sections[0].pages == [("Home", "index.md")] and ("Salary", "compare/salary.md") in sections[2].pages


def test_article_is_the_page_content_only():
    assert article(built("T", "<p>body</p>")) == "<p>body</p>"


def test_each_print_part_holds_its_sections_pages_and_links_into_the_others(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(MENU)
    small_site(tmp_path / "site")
    parts = fill_print_pages(tmp_path / "site", config)
    assert parts == ["print-roles.md", "print-reference.md"]  # in menu order; print.md is in neither
    roles, reference = ((tmp_path / "site" / name).read_text() for name in ["print-roles.html", "print-reference.html"])
    assert "fg-whole-guide" not in roles + reference and "menu" in roles  # each part keeps its own frame
    assert roles.index('id="index"') < roles.index('id="roles-ml"') and roles.count("<footer>") == 1
    assert 'href="#roles-ml--pay"' in roles  # within the part
    assert 'href="print-reference.html#glossary--mlops"' in roles  # into the part that holds the page
    assert 'id="glossary--mlops"' in reference and 'id="print' not in reference


def test_the_print_page_lists_the_parts_and_keeps_each_page_s_old_address(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(MENU)
    small_site(tmp_path / "site")
    fill_print_pages(tmp_path / "site", config)
    html = (tmp_path / "site/print.html").read_text()
    assert "fg-print-parts" in html and "<div" not in html.split("fg-print-parts")[1]
    assert '<a href="print-roles.html"><strong>Part 1: Home and Roles</strong></a>' in html
    assert '<a href="print-reference.html"><strong>Part 2: Reference</strong></a>' in html
    # print.html#roles-ml, the single print page's address for that page, still leads to it.
    assert '<li><a id="roles-ml" href="print-roles.html#roles-ml">ML engineer</a></li>' in html


def test_a_print_part_names_a_menu_section():
    with pytest.raises(MarkerError, match="unknown section 'salary'; expected one of: home, roles, compare"):
        site_block("whole-guide: salary")


def test_finish_fills_the_print_parts_then_writes_downloads_and_the_archive(tmp_path):
    site, config = tmp_path / "site", tmp_path / "mkdocs.yml"
    small_site(site)
    config.write_text("site_url: !ENV [SITE_URL, x]\n" + MENU)
    finish(site, Guide.load(FIXTURES / "valid.yml"), config)
    assert 'id="roles-ml--pay"' in (site / "print-roles.html").read_text()
    assert (site / "downloads/roles.json").is_file() and (site / "downloads/expertise.csv").is_file()
    assert (site / "downloads/ds-vs-mle-field-guide.zip").is_file()


def test_the_command_needs_a_site_folder(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    result = subprocess.run([sys.executable, "-m", "fieldguide.publish.finish", str(tmp_path / "missing")],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "usage: python -m fieldguide.publish.finish SITE_DIR" in result.stderr


# --- tool data read on first use, and the stylesheet without comments ----------------------------


def test_on_demand_tool_data_moves_to_a_file_named_by_its_content(tmp_path):
    data = {"name": "Iowa", "note": "a <b> & \u2028"}
    script = str(inline_data("fieldguideAreas", data, on_demand=True))
    (tmp_path / "compare").mkdir()
    page = tmp_path / "compare/area.html"
    page.write_text(built("Area", f"<p>form</p>{script}{inline_data('fieldguideOther', {'a': 1})}"))
    [file] = move_tool_data(tmp_path, ["compare/area.md"])
    html = page.read_text()
    assert file.parent == page.parent and re.fullmatch(r"area\.fieldguideAreas\.[0-9a-f]{10}\.js", file.name)
    assert f'<script>window.fieldguideAreas="{file.name}";</script>' in html
    assert "<script>window.fieldguideOther={" in html  # data not marked on demand stays in the page
    text = file.read_text()
    assert text == script.removeprefix("<script data-on-demand>").removesuffix("</script>") + "\n"
    assert json.loads(text.removeprefix("window.fieldguideAreas=").removesuffix(";\n")) == data
    assert move_tool_data(tmp_path, ["compare/area.md"]) == [] and page.read_text() == html  # once only


def test_stylesheet_loses_comments_and_spaces_but_not_meaning():
    css = ('/* why */\n.md-typeset :is(p, li) > a:not(.x) {\n  color: red;  /* it\'s "so" */\n'
           '  content: " (" attr(href) ") /* kept */";\n  margin: calc(1rem + 2px) 0;\n}\n'
           "@media screen and (max-width: 44em) {\n  .a .b, .c {\n    display: none;\n  }\n}\n")
    assert minify(css) == ('.md-typeset :is(p,li)>a:not(.x){color:red;content:" (" attr(href) ") /* kept */";'
                           "margin:calc(1rem + 2px) 0}@media screen and (max-width:44em){.a .b,.c{display:none}}\n")
    assert minify(minify(css)) == minify(css)


def test_the_built_stylesheet_keeps_every_rule(built_site):
    source = (ROOT / "docs/assets/extra.css").read_text(encoding="utf-8")
    shipped = (built_site / "assets/extra.css").read_text(encoding="utf-8")
    assert shipped == minify(source) and "/*" not in shipped and len(shipped) < 0.7 * len(source)
    uncommented = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    assert [shipped.count(mark) for mark in "{}:"] == [uncommented.count(mark) for mark in "{}:"]  # every rule kept
    assert re.findall(r"[.#][\w-]+", uncommented) == re.findall(r"[.#][\w-]+", shipped)
