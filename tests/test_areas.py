"""Pay by state and metro area: the page's rows and anchors, its figures' provenance, the map, the
refusals of a broken pay-areas.csv, and the look-up in a real browser, offline."""

from __future__ import annotations

import csv
import json
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, axe_violations, golden, problems_for, read, tool_data
from fieldguide.blocks.areas import area_states
from fieldguide.blocks.registry import Context
from fieldguide.core.anchors import read_contract
from fieldguide.model.areas import STATES_AND_DC
from fieldguide.model.guide import Guide

PAGE = "compare/pay-by-area.html"
AREAS = list(csv.DictReader((ROOT / "data/pay-areas.csv").open(encoding="utf-8")))
EXTRACT = list(csv.DictReader((ROOT / "data/pay-extract.csv").open(encoding="utf-8")))
DOLLARS = re.compile(r"\$([0-9][0-9,]*)")


def value(state: str, soc: str, measure: str) -> str:
    return next(r["value"] for r in AREAS if r["state"] == state and r["soc"] == soc and r["measure"] == measure)


def row_html(html: str, anchor: str) -> str:
    start = html.index(f'<tr id="{anchor}">')
    return html[start:html.index("</tr>", start)]


def visible_text(html: str) -> str:
    html = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


# --- the built page --------------------------------------------------------------------------------


def test_every_state_and_dc_has_its_row_anchor_and_contract_line(built_site):
    html = read(built_site, PAGE)
    promised = {a.target for a in read_contract()}
    for state in STATES_AND_DC:
        assert f'<tr id="state-{state}">' in html, state
        assert f"{PAGE}#state-{state}" in promised, state


def test_the_map_has_one_square_per_state_and_dc(built_site):
    html = read(built_site, PAGE)
    drawing = html[html.index('<svg class="fg-area-map"'):]
    drawing = drawing[:drawing.index("</svg>")]
    squares = re.findall(r'<rect [^>]*data-state="([a-z]{2})"', drawing)
    assert sorted(s for s in squares if s in STATES_AND_DC) == sorted(STATES_AND_DC)
    assert len(squares) == len(set(squares))
    assert 'role="img"' in drawing and "<title" in drawing and "<desc" in drawing
    assert "fg-area-none" in drawing  # Wyoming and Delaware have no released median


@pytest.mark.parametrize("state, figures", [
    ("ca", ["$141,590", "$77,480", "$224,920", "39,310"]),
    ("dc", ["$126,490"]),
])
def test_spot_figures_in_their_rows(built_site, state, figures):
    row = row_html(read(built_site, PAGE), f"state-{state}")
    for figure in figures:
        assert f"<td>{figure}</td>" in row, figure


def test_states_without_figures_still_have_a_row(built_site):
    html = read(built_site, PAGE)
    assert "not released" in row_html(html, "state-wy") and "not released" in row_html(html, "state-de")
    assert "<td>770</td>" in row_html(html, "state-de")  # Delaware: employment but no wages


def test_iowa_is_in_the_lookup_data(built_site):
    data = tool_data(built_site, PAGE, "fieldguideAreas")
    iowa = next(a for a in data["areas"] if a["name"] == "Iowa")
    assert iowa["figures"]["15-2051"][1] == float(value("ia", "15-2051", "median"))


def test_every_dollar_figure_comes_from_the_area_file(built_site):
    html = read(built_site, PAGE)
    article = html[html.index("<article"):html.index("</article>")]
    shown = {float(v.replace(",", "")) for v in DOLLARS.findall(visible_text(article))}
    known = {float(r["value"]) for r in AREAS if r["value"]} | {float(r["value"]) for r in EXTRACT}
    known.add(239_200)  # BLS's top-coding threshold, stated as such
    assert shown and shown <= known, sorted(shown - known)
    data = tool_data(built_site, PAGE, "fieldguideAreas")
    inlined = {v for a in data["areas"] for fs in a["figures"].values() for v in fs if v is not None}
    assert inlined <= known


def test_area_downloads_are_published(built_site):
    assert read(built_site, "downloads/pay-areas.csv") == (ROOT / "data/pay-areas.csv").read_text(encoding="utf-8")
    rows = json.loads(read(built_site, "downloads/pay-areas.json"))
    assert len(rows) == len(AREAS) and rows[0]["series_id"] == AREAS[0]["series_id"]
    assert 'href="../downloads/pay-areas.csv"' in read(built_site, PAGE)


def test_the_other_pages_link_here(built_site):
    for page in ["compare/salary.html", "roles/data-scientist.html", "roles/ml-engineer.html", "guides/hiring.html"]:
        assert "pay-by-area.html" in read(built_site, page), page
    assert 'href="compare/pay-by-area.html"' in read(built_site, "index.html")
    assert "#state-ca" in read(built_site, "guides/hiring.html")


# --- the states table -----------------------------------------------------------------------------


def test_states_table_golden():
    guide = Guide.load()  # the real figures: the golden file is the reviewed table itself
    golden("area-states.html", str(area_states(Context(guide, "compare/pay-by-area.md"))) + "\n")


# --- refusals --------------------------------------------------------------------------------------


@pytest.fixture
def broken_csv(tmp_path, write_yaml, valid_data):
    """Write the data file with the fixtures' CSV beside it, and change one line of the CSV."""
    def write(line: int, change) -> tuple[Path, int]:
        path = write_yaml(valid_data)
        areas = tmp_path / "pay-areas.csv"
        lines = areas.read_text(encoding="utf-8").splitlines()
        record = next(csv.reader([lines[line - 1]]))
        change(record)
        lines[line - 1] = ",".join(f'"{v}"' if "," in v else v for v in record)
        areas.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path, line
    return write


def only_problem(path: Path, line: int) -> str:
    problems = problems_for(path)
    assert len(problems) == 1, problems
    assert re.match(rf".*pay-areas\.csv:{line}: ", problems[0]), problems[0]
    assert "Traceback" not in problems[0]
    return problems[0]


def test_a_row_without_a_series_id_is_refused(broken_csv):
    path, line = broken_csv(5, lambda r: r.__setitem__(8, ""))
    assert "no series id" in only_problem(path, line)


def test_a_series_id_that_disagrees_with_its_row_is_refused(broken_csv):
    path, line = broken_csv(5, lambda r: r.__setitem__(4, "15-9999"))  # the occupation, not the id, changed
    assert "does not encode this row's" in only_problem(path, line)


def test_an_unknown_area_code_is_refused(broken_csv):
    state_line = next(i for i, r in enumerate(csv.reader(FIXTURES.joinpath("pay-areas.csv").open()), 1) if r[0] == "S")
    path, line = broken_csv(state_line, lambda r: r.__setitem__(1, "9900000"))
    assert "unknown state area code '9900000'" in only_problem(path, line)


def test_a_value_that_is_not_a_number_is_refused(broken_csv):
    path, line = broken_csv(2, lambda r: r.__setitem__(6, "lots"))
    assert "value 'lots' is not a number" in only_problem(path, line)


def test_a_duplicate_row_is_refused(tmp_path, write_yaml, valid_data):
    path = write_yaml(valid_data)
    areas = tmp_path / "pay-areas.csv"
    lines = areas.read_text(encoding="utf-8").splitlines()
    areas.write_text("\n".join([*lines, lines[2]]) + "\n", encoding="utf-8")
    assert "duplicate row" in only_problem(path, len(lines) + 1)
    assert "already at line 3" in problems_for(path)[0]


def test_the_real_file_passes():
    assert Guide.load().areas.nation is not None


# --- the look-up in a browser ---------------------------------------------------------------------


@pytest.mark.browser
def test_links_into_and_past_the_tables_land_under_the_header(browser, hosted):
    """The tables are laid out only near the screen (content-visibility): every link still lands."""
    for width, height in [(360, 740), (1280, 800)]:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(hosted + PAGE)
        assert page.evaluate("getComputedStyle(document.querySelector('.fg-area-table')).contentVisibility") == "auto"
        for anchor in ["state-wy", "state-vi", "metros", "find-your-area", "reading-area-figures"]:
            page.goto(hosted + PAGE + "#" + anchor)
            page.wait_for_timeout(100)
            header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
            top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
            assert header - 1 <= top <= header + 30, (width, anchor, header, top)
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_lookup_offline_by_keyboard_and_axe_clean(browser, site_copy, scheme):
    context = browser.new_context(offline=True, color_scheme=scheme, viewport={"width": 1000, "height": 900})
    outside = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site_copy / PAGE).resolve().as_uri())
    for _ in range(200):  # keyboard: Tab reaches the field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id === 'fg-area-choice'"):
            break
    else:
        raise AssertionError("Tab never reached the area field")
    page.keyboard.insert_text("Iowa")
    page.keyboard.press("Enter")
    result = page.locator(".fg-area-result")
    assert result.get_attribute("aria-live") == "polite"
    median = f"${int(float(value('ia', '15-2051', 'median'))):,}"
    assert median in page.locator('.fg-area-result li[data-soc="15-2051"] .fg-area-here').inner_text()
    assert page.locator(".fg-area-result svg").count() == 1
    assert axe_violations(page) == []
    assert outside == [] and errors == []
    context.close()
