"""`python -m fieldguide.publish.finish SITE_DIR`: the steps after any engine, on a small built site."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import FIXTURES, ROOT
from fieldguide.blocks.site import WHOLE_GUIDE_PLACEHOLDER
from fieldguide.blocks.tools import inline_data
from fieldguide.core.menu import reading_order
from fieldguide.model.guide import Guide
from fieldguide.publish.finish import article, fill_print_page, finish
from fieldguide.publish.stylesheets import minify
from fieldguide.publish.tool_data import move_tool_data


def built(title: str, body: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><nav>menu</nav>"
            f'<article class="md-content__inner md-typeset">{body}</article><footer>foot</footer></body></html>')


def small_site(site):
    (site / "roles").mkdir(parents=True)
    (site / "index.html").write_text(built("Home", '<h1 id="home">Home</h1><a href="roles/ml.html#pay">pay</a>'))
    (site / "roles/ml.html").write_text(built("ML", '<h1 id="ml">ML</h1><h2 id="pay">Pay</h2>'))
    (site / "print.html").write_text(built("Print", f"<h1>Print</h1>{WHOLE_GUIDE_PLACEHOLDER}"))
    return [("Home", "index.md"), ("ML engineer", "roles/ml.md"), ("Print", "print.md")]


def test_reading_order_is_the_menu_of_mkdocs_yml():
    order = reading_order(ROOT / "mkdocs.yml")
    assert order[0] == ("Home", "index.md")
    assert ("The whole guide (print)", "print.md") in order
    assert len(order) == len({path for _, path in order}) == len(list((ROOT / "docs").rglob("*.md"))) - 1  # not includes/


def test_article_is_the_page_content_only():
    assert article(built("T", "<p>body</p>")) == "<p>body</p>"


def test_print_page_gathers_the_other_pages_in_order(tmp_path):
    fill_print_page(tmp_path, small_site(tmp_path))
    html = (tmp_path / "print.html").read_text()
    assert WHOLE_GUIDE_PLACEHOLDER not in html and "menu" in html  # the print page keeps its own frame
    assert html.index('id="index"') < html.index('id="roles-ml"')
    assert 'href="#roles-ml--pay"' in html and html.count("<footer>") == 1


def test_finish_fills_the_print_page_then_writes_downloads_and_the_archive(tmp_path):
    site, config = tmp_path / "site", tmp_path / "mkdocs.yml"
    small_site(site)
    config.write_text("site_url: !ENV [SITE_URL, x]\nnav:\n  - Home: index.md\n  - Roles:\n"
                      "      - ML engineer: roles/ml.md\n  - Print: print.md\n")
    finish(site, Guide.load(FIXTURES / "valid.yml"), config)
    assert 'id="roles-ml--pay"' in (site / "print.html").read_text()
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
