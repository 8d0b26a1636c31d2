"""The built site in a real browser: hosted over HTTP, offline from file://, deep links, axe-core.

Playwright drives Debian's Chromium (no browser download). Where Chromium is
missing these tests skip with a message; under CI=true they fail instead.
"""

from __future__ import annotations

import pytest

from conftest import PALETTE_RULES, PROMISED, axe_violations, content_pages, search

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(browser):
    """A fresh page that records requests leaving the machine and console errors."""
    context = browser.new_context()
    page = context.new_page()
    page.outside, page.errors = [], []
    local = ("http://127.0.0.1", "file:", "data:", "blob:")
    page.on("request", lambda r: page.outside.append(r.url) if not r.url.startswith(local) else None)
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()


def test_hosted_site_navigates_and_searches(watched, hosted):
    watched.goto(hosted + "index.html")
    watched.click("a.md-tabs__link:has-text('Compare')")
    assert watched.url.endswith("compare/responsibilities.html")
    assert search(watched, "salary") > 0
    assert watched.outside == [] and watched.errors == []


@pytest.mark.parametrize("copy", ["site_copy", "archive_copy"])
def test_offline_reading_from_disk_with_search(browser, request, copy):
    built_site = request.getfixturevalue(copy)
    context = browser.new_context(offline=True)
    outside = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "blob:"))
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    start = (built_site / "index.html").resolve().as_uri()
    page.goto(start)
    links = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href).filter(h => h.startsWith('file:'))")
    pages = {link.split("#")[0] for link in links if link.split("#")[0].endswith(".html")}
    assert len(pages) >= 14
    # The built site: every page. The archive holds the same files, so a smoke test: three pages and search.
    for target in sorted(pages) if copy == "site_copy" else sorted(pages)[:3]:
        page.goto(target)
        assert page.title(), target
    page.goto(start)
    assert search(page, "salary") > 0
    assert outside == []
    context.close()


@pytest.mark.parametrize("link", PROMISED)
def test_deep_link_shows_its_heading_below_the_header(watched, hosted, link):
    watched.goto(hosted + link)
    fragment = link.split("#")[1]
    in_view = "f => { const e = document.getElementById(f); return e && e.getBoundingClientRect().top < innerHeight; }"
    watched.wait_for_function(in_view, arg=fragment)
    watched.wait_for_timeout(200)
    top = watched.evaluate("f => document.getElementById(f).getBoundingClientRect().top", fragment)
    header = watched.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < watched.viewport_size["height"] / 2


# The print parts repeat every other page's article, which each page's own check covers in both palettes.
# They are checked in light: every rule on the whole page, but the colour rules (by far the slowest on
# their thousands of elements) only on what they add around the articles.
PRINTED_ARTICLES = ".fg-print-page"


def is_print_part(name: str) -> bool:
    return name.startswith("print-")


def print_page_violations(page) -> list[str]:
    return axe_violations(page, PALETTE_RULES, exclude=[PRINTED_ARTICLES]) + axe_violations(page, skip=PALETTE_RULES)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page(browser, hosted, built_site, scheme):
    """Light: every rule on every page. Dark: the rules that read colours (nothing else changes with the palette)."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    found = {}
    for name in content_pages(built_site):
        if is_print_part(name) and scheme == "dark":
            continue
        page.goto(hosted + name)
        shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert shown == {"light": "default", "dark": "slate"}[scheme], f"{name} ignored the system palette"
        if is_print_part(name):
            violations = print_page_violations(page)
        else:
            violations = axe_violations(page, None if scheme == "light" else PALETTE_RULES)
        if violations:
            found[name] = violations
    context.close()
    assert found == {}
    assert errors == []


def test_no_page_scrolls_sideways_on_a_phone(browser, hosted, built_site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    wide = {}
    for name in content_pages(built_site):
        page.goto(hosted + name)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[name] = width
    context.close()
    assert wide == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_front_door_fits_a_1280_by_800_screen(browser, hosted, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(hosted + "index.html")
    box = lambda selector: page.locator(selector).first.bounding_box()  # noqa: E731
    sentence, picture, cards = box("article h1 + p"), box(".fg-two-roles .fg-wide svg"), box(".grid.cards.fg-paths")
    glance = box("#at-a-glance")
    assert "data scientist finds out" in page.locator("article h1 + p").inner_text()
    assert picture["height"] > 80 and picture["width"] > 500  # the wide picture, readable
    assert page.locator(".fg-two-roles .fg-narrow svg").is_hidden()
    assert page.locator(".grid.cards.fg-paths > ul > li").count() == 3
    cards_y = {round(b["y"]) for b in (page.locator(".grid.cards.fg-paths > ul > li").nth(i).bounding_box() for i in range(3))}
    assert len(cards_y) == 1  # side by side
    for element in (sentence, picture, cards):
        assert element["y"] >= 0 and element["y"] + element["height"] <= 800
    assert glance["y"] > cards["y"] + cards["height"]  # the at-a-glance table comes after
    context.close()


def test_front_door_picture_on_a_phone_is_the_tall_one(browser, hosted):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(hosted + "index.html")
    assert page.locator(".fg-two-roles .fg-wide svg").is_hidden()
    narrow = page.locator(".fg-two-roles .fg-narrow svg").bounding_box()
    assert narrow["width"] <= 360 and narrow["height"] > 200
    context.close()


@pytest.mark.parametrize("name", ["compare/salary.html", "index.html"])
def test_pay_chart_fits_a_phone_without_sideways_scrolling(browser, hosted, name):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(hosted + name)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.locator("svg.fg-chart:visible").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] > 100
    # Every label is inside the drawing, and the drawing inside the screen.
    overflow = page.evaluate("""() => [...document.querySelectorAll('svg.fg-chart text')].filter(t => {
        const r = t.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; }).map(t => t.textContent)""")
    assert overflow == []
    context.close()
