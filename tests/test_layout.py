"""Pages that land: wide tables, the pay chart and print, measured in a real browser.

At 1280 px no table scrolls sideways and the pay chart fits a screen; on a phone the ownership
matrix becomes cards and a table that must scroll shows it; printed to A4, every table fits the
sheet and the page is light even from dark mode.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
A4_WIDTH = 794  # CSS pixels across an A4 sheet in portrait

# Each table's overflow: how far it runs past the box it sits in, and past the article's column.
TABLE_OVERFLOW = """() => [...document.querySelectorAll('article table')].filter(t => t.offsetParent).map(t => {
    const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    const column = document.querySelector('article').getBoundingClientRect();
    return {caption: t.caption ? t.caption.textContent.slice(0, 40) : '', scrolls: box.scrollWidth - box.clientWidth,
            past_column: Math.round(t.getBoundingClientRect().right - column.right)};
}).filter(t => t.scrolls > 1 || t.past_column > 1)"""


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", ["compare/salary.html", "roles/data-scientist.html", "roles/ml-engineer.html",
                                  "compare/neighbouring-roles.html", "compare/pay-by-area.html"])
def test_no_table_scrolls_sideways_at_1280(desktop, hosted, name):
    desktop.goto(hosted + name)
    assert desktop.locator("article table").count() > 0
    assert desktop.evaluate(TABLE_OVERFLOW) == []


def test_the_pay_chart_fits_a_1280_screen_with_type_no_larger_than_the_text(desktop, hosted):
    desktop.goto(hosted + "compare/salary.html")
    chart = desktop.locator(".fg-pay-figure svg.fg-chart-wide")
    assert desktop.locator(".fg-pay-figure .fg-narrow svg").is_hidden()
    box = chart.bounding_box()
    assert box["width"] > 600 and box["height"] <= 720
    largest = desktop.evaluate("""() => { const s = document.querySelector('.fg-pay-figure svg.fg-chart-wide');
        const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
        return Math.max(...[...s.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale)); }""")
    body = desktop.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    assert largest <= body


def test_on_a_phone_the_matrix_is_cards_and_scrolling_tables_show_it(browser, hosted):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(hosted + "compare/neighbouring-roles.html")
    cells = page.evaluate("""() => [...document.querySelectorAll('.fg-matrix td')].map(td => {
        const r = td.getBoundingClientRect(); return [r.left, r.right, td.querySelector('.fg-cell-role').offsetWidth]; })""")
    assert cells and all(left >= 0 and right <= 360 and label > 0 for left, right, label in cells)
    page.goto(hosted + "compare/salary.html")
    wrap = page.locator(".fg-fit .md-typeset__scrollwrap")
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")  # it does scroll here, so it needs the cue
    assert wrap.evaluate("w => getComputedStyle(w).backgroundImage").count("gradient") == 4  # covers and shadows
    caption = page.locator(".fg-fit caption")
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    box = caption.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360  # the caption stays in view
    context.close()


@pytest.mark.parametrize("name", ["print-compare.html", "compare/salary.html"])
def test_printed_on_a4_every_table_fits_and_the_page_is_light(browser, hosted, name):
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1123}, color_scheme="dark")
    page = context.new_page()
    page.goto(hosted + name)
    page.emulate_media(media="print")
    assert page.evaluate(TABLE_OVERFLOW) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_WIDTH
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    text = page.evaluate("getComputedStyle(document.querySelector('article p')).color")
    assert background == "rgb(255, 255, 255)" and text.startswith("rgba(0, 0, 0")
    figure = page.locator(".fg-pay-figure").last
    assert figure.evaluate("f => getComputedStyle(f).breakInside") == "avoid"
    assert figure.locator("svg.fg-chart-wide").is_visible()
    if name.startswith("print-"):
        contents = page.locator(".fg-print-contents")
        assert contents.is_visible() and contents.locator("li").count() == page.locator(".fg-print-page").count() >= 8
        first_page = page.locator(".fg-print-page").first
        assert contents.bounding_box()["y"] < first_page.bounding_box()["y"]
    context.close()


def test_the_print_page_lists_every_part_in_print_too(browser, hosted):
    page = browser.new_page()
    page.goto(hosted + "print.html")
    page.emulate_media(media="print")
    parts = page.locator("ol.fg-print-parts > li")
    assert parts.count() >= 4 and parts.first.is_visible()
    assert parts.nth(1).inner_text().startswith("Part 2: Compare\nResponsibilities\n")
    page.close()
