"""`python -m fieldguide.publish.finish SITE_DIR`: the steps after any engine, on a small built site."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import FIXTURES, ROOT
from fieldguide.blocks.site import WHOLE_GUIDE_PLACEHOLDER
from fieldguide.core.menu import reading_order
from fieldguide.model.guide import Guide
from fieldguide.publish.finish import article, fill_print_page, finish


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
