"""Pay figures: the checks against the extract, the number formats, the tables, the chart and inline figures."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES, problems_for
from fieldguide import export, pay, svg
from fieldguide.guide import Guide
from fieldguide.load import load_data
from fieldguide.render import Context, MarkerError, expand


@pytest.fixture
def guide(valid_data) -> Guide:
    return Guide(valid_data)


# --- number formats ---------------------------------------------------------------------------


@pytest.mark.parametrize("value, text", [(120230, "$120,230"), (96945.5, "$96,945.50"), (0, "$0"), (1000000, "$1,000,000")])
def test_dollars(value, text):
    assert pay.dollars(value) == text


@pytest.mark.parametrize(
    "period, text",
    [("2025-05-29/2025-06-23", "May–June 2025"), ("2025-06-01/2025-06-23", "June 2025"),
     ("2024-12-01/2025-01-10", "December 2024–January 2025"), ("May 2025", "May 2025")],
)
def test_survey_fieldwork_reads_as_a_period(period, text):
    assert pay.period_text(period) == text


# --- checks against the extract ------------------------------------------------------------------


def test_the_fixture_and_the_real_data_are_valid(write_yaml, valid_data):
    load_data(write_yaml(valid_data))
    load_data(pay.Path(__file__).resolve().parents[1] / "data" / "roles.yml")


def test_a_figure_that_differs_from_its_extract_row_is_refused(valid_data, write_yaml):
    valid_data["salary"]["wages"][0]["p75"] = 158881
    [problem] = problems_for(write_yaml(valid_data))
    assert re.search(r"roles.yml:\d+: salary.wages\[0\].p75: 158881 differs from pay-extract.csv:\d+, which gives 158880 "
                     r"for bls_oews_national_may2025 / 15-2051 / A_PCT75$", problem), problem


def test_an_extract_edited_alone_is_refused_too(valid_data, write_yaml, tmp_path):
    path = write_yaml(valid_data)
    extract = tmp_path / "pay-extract.csv"
    extract.write_text(extract.read_text(encoding="utf-8").replace(",A_PCT75,158880,", ",A_PCT75,158000,"), encoding="utf-8")
    [problem] = problems_for(path)
    assert "salary.wages[0].p75: 158880 differs from pay-extract.csv:" in problem


def test_a_figure_without_provenance_is_refused(valid_data, write_yaml):
    valid_data["salary"]["wages"][0]["mean"] = 126800  # the fixture's extract has no A_MEAN row
    del valid_data["salary"]["wages"][1]["extract"]
    problems = "\n".join(problems_for(write_yaml(valid_data)))
    assert "salary.wages[1]: missing required key 'extract'" in problems
    valid_data["salary"]["wages"][1]["extract"] = "bls_oews_national_may2025"
    [problem] = problems_for(write_yaml(valid_data))
    assert "salary.wages[0].mean: no provenance: pay-extract.csv has no row for bls_oews_national_may2025 / 15-2051 / A_MEAN" in problem


@pytest.mark.parametrize("key", ["period", "source", "extract"])
def test_a_figure_without_period_or_source_is_refused(valid_data, write_yaml, key):
    del valid_data["salary"]["survey"][0][key]
    [problem] = problems_for(write_yaml(valid_data))
    assert f"salary.survey[0]: missing required key '{key}'" in problem


def test_a_period_that_is_not_the_extract_period_is_refused(valid_data, write_yaml):
    valid_data["salary"]["wages"][2]["period"] = "May 2025"
    [problem] = problems_for(write_yaml(valid_data))
    assert "salary.wages[2].period: 'May 2025' differs from the period of pay-extract.csv:" in problem
    assert "'May 2024'" in problem


def test_percentiles_out_of_order_are_refused(valid_data, write_yaml, tmp_path):
    figure = valid_data["salary"]["wages"][0]
    figure["p25"], figure["median"] = figure["median"], figure["p25"]
    path = write_yaml(valid_data)
    extract = tmp_path / "pay-extract.csv"  # swapped in the extract too, so only the order is wrong
    text = extract.read_text(encoding="utf-8").replace(",A_PCT25,85660,", ",A_PCT25,X,").replace(",A_MEDIAN,120230,", ",A_MEDIAN,85660,")
    extract.write_text(text.replace(",A_PCT25,X,", ",A_PCT25,120230,"), encoding="utf-8")
    [problem] = problems_for(path)
    assert "salary.wages[0].median: percentiles out of order: the median (85660) is below the 25th percentile (120230)" in problem


@pytest.mark.parametrize(
    "value, message",
    [(-5, "expected a number at least 0, got -5"),
     ("$120,230", "expected a number, got a string ('$120,230')"),
     (True, "expected a number, got true or false")],
)
def test_a_negative_or_non_numeric_wage_is_refused(valid_data, write_yaml, value, message):
    valid_data["salary"]["wages"][0]["median"] = value
    [problem] = problems_for(write_yaml(valid_data))
    assert re.search(rf"roles.yml:\d+: salary.wages\[0\].median: {re.escape(message)}$", problem), problem


@pytest.mark.parametrize(
    "value, message",
    [(-5, "expected a wage in US dollars a year, got a negative number (-5)"),
     ("$120,230", "expected a number (a wage in US dollars a year), got '$120,230'; write it without $ or commas")],
)
def test_pay_checks_refuse_bad_numbers_without_the_schema_too(valid_data, tmp_path, value, message):
    """The pay checks do not lean on the schema: called on their own, they still refuse a bad wage."""
    (tmp_path / "pay-extract.csv").write_text((FIXTURES / "pay-extract.csv").read_text(encoding="utf-8"), encoding="utf-8")
    valid_data["salary"]["wages"][0]["median"] = value
    problems = pay.pay_problems(valid_data, tmp_path / "roles.yml")
    assert [(p.path, p.message) for p in problems] == [(("salary", "wages", 0, "median"), message)]


def test_a_survey_figure_needs_its_respondents(valid_data, write_yaml):
    del valid_data["salary"]["survey"][1]["respondents"]
    [problem] = problems_for(write_yaml(valid_data))
    assert "salary.survey[1]: missing required key 'respondents'" in problem
    valid_data["salary"]["survey"][1]["respondents"] = 300
    [problem] = problems_for(write_yaml(valid_data))
    assert "salary.survey[1].respondents: 300 differs from pay-extract.csv:" in problem and "gives 333 respondents" in problem
    valid_data["salary"]["survey"][1]["respondents"] = 33.5
    [problem] = problems_for(write_yaml(valid_data))
    assert "salary.survey[1].respondents: expected a whole number, got a number (33.5)" in problem


def test_some_percentiles_but_not_all_are_refused(valid_data, write_yaml):
    del valid_data["salary"]["wages"][0]["p90"]
    [problem] = problems_for(write_yaml(valid_data))
    assert "salary.wages[0]: give all five percentiles (p10, p25, median, p75, p90) or the median alone; missing p90" in problem


def test_two_ranges_for_one_occupation_are_refused(valid_data, write_yaml):
    older = valid_data["salary"]["wages"][2]
    older.update({k: valid_data["salary"]["wages"][1][k] for k in ("p10", "p25", "p75", "p90")})
    problems = "\n".join(problems_for(write_yaml(valid_data)))
    assert "salary.wages[2]: only one release per occupation can carry percentiles" in problems


def test_duplicate_figure_ids_and_unknown_sources_are_refused(valid_data, write_yaml):
    valid_data["salary"]["survey"][1]["id"] = "ds-2025"
    valid_data["salary"]["abroad"][0]["source"] = "hearsay"
    problems = "\n".join(problems_for(write_yaml(valid_data)))
    assert "salary.survey[1].id: duplicate figure id 'ds-2025', already used at salary.wages[0]" in problems
    assert "salary.abroad[0].source: unknown source 'hearsay'" in problems


def test_an_outlook_figure_needs_a_source_with_an_address(valid_data, write_yaml):
    valid_data["salary"]["outlook"][0]["source"] = "brief"
    [problem] = problems_for(write_yaml(valid_data))
    assert "salary.outlook[0].source: no provenance" in problem


def test_a_missing_or_malformed_extract_is_reported(valid_data, write_yaml, tmp_path):
    path = write_yaml(valid_data)
    (tmp_path / "pay-extract.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    [problem] = problems_for(path)
    assert re.search(r"roles.yml:\d+: salary: pay-extract.csv must have the columns source_id, period", problem)
    (tmp_path / "pay-extract.csv").unlink()
    [problem] = problems_for(path)
    assert "salary: cannot read pay-extract.csv beside the data file" in problem


def test_the_committed_extract_is_a_verbatim_subset_of_the_research_extract():
    """Every row keeps the research extract's columns; each figure in the data names one of them."""
    rows, problem = pay.read_extract(pay.Path(__file__).resolve().parents[1] / "data" / "pay-extract.csv")
    assert problem == "" and rows
    for row in rows:
        assert re.fullmatch(r"[0-9a-f]{40}", row["file_commit"]), row
        assert row["file_repo"] and row["file_path"]
        float(row["value"])


# --- tables and inline figures -----------------------------------------------------------------


def test_spread_table_shows_every_percentile_with_period_and_source(guide):
    html = pay.build_pay_spread(Context(guide, "compare/salary.md"))
    for value in ["$67,240", "$85,660", "$120,230", "$158,880", "$199,130", "262,440", "$214,670"]:
        assert value in html
    assert "<caption>Annual wages of US employees by percentile, May 2025</caption>" in html
    assert '<a href="../sources.html#source-bls-oews">OEWS national estimates</a>' in html
    assert "US Bureau of Labor Statistics" not in html  # the publication, not the publisher
    assert html.count("Proxy for ML engineer") == 1


def test_trend_table_puts_releases_in_order(guide):
    html = pay.build_pay_trend(Context(guide, "compare/salary.md"))
    assert "<caption>Median annual wage, May 2024 and May 2025</caption>" in html
    assert html.index("$133,080") < html.index("$135,980")
    assert "$120,230" not in html  # one release only: no trend to show


def test_survey_table_gives_every_median_its_respondents(guide):
    html = pay.build_pay_survey(Context(guide, "compare/salary.md"))
    assert "$189,500 <small>(n = 80)</small>" in html and "$82,910 <small>(n = 333)</small>" in html
    assert "survey of May–June 2025" in html


def test_inline_figures_work_inside_a_sentence(guide):
    page = "# Pay\n\nThe median was <!--fig:ds-2025--> in <!--fig:ds-2025.period-->, from <!--fig:ds-2025.employment--> people.\n<!--fig:survey-us-mle.respondents-->\n"
    out = expand(page, Context(guide, "compare/salary.md"))
    assert "The median was $120,230 in May 2025, from 262,440 people.\n80\n" in out


@pytest.mark.parametrize(
    "marker, message",
    [("<!--fig:nobody-->", "unknown figure 'nobody'"), ("<!--fig:ds-2025.p99-->", "unknown figure part 'p99'"),
     ("<!--fig:swdev-2024.p10-->", "figure 'swdev-2024' has no p10")],
)
def test_bad_inline_figures_name_the_page(guide, marker, message):
    with pytest.raises(MarkerError) as caught:
        expand(f"Text {marker} text.\n", Context(guide, "compare/salary.md"))
    assert str(caught.value).startswith(f"compare/salary.md: figure '{marker}': ") and message in str(caught.value)


def test_bad_pay_markers_name_the_page(guide):
    with pytest.raises(MarkerError, match=r"compare/salary.md: marker '<!-- pay-chart: huge -->': unknown chart size 'huge'"):
        expand("<!-- pay-chart: huge -->\n", Context(guide, "compare/salary.md"))


def test_glance_row_shows_each_role_pay_with_labels(guide):
    row = pay.glance_row(Context(guide, "index.md"))
    assert '<a href="compare/salary.html#beyond-the-median">Pay</a>' in row
    assert "Median wage $120,230 (May 2025)." in row
    assert "Proxies' median wages (May 2025): $135,980 for Software Developers." in row
    assert "median total pay $189,500 (AI/ML engineer, n = 80, May–June 2025)" in row


def test_abroad_table_links_each_classification(guide):
    html = pay.build_pay_abroad(Context(guide, "compare/salary.md"))
    assert '<a href="https://www.bls.gov/ooh/math/data-scientists.htm">21211 Data scientists</a>' in html
    assert "<em>machine learning engineers</em>" in html


# --- the chart ---------------------------------------------------------------------------------------


def chart(guide, args="") -> ET.Element:
    html = pay.build_pay_chart(Context(guide, "compare/salary.md"), args)
    drawing = html[html.index("<svg"):html.index("</svg>") + 6]
    return ET.fromstring(drawing)


NS = {"s": "http://www.w3.org/2000/svg"}


def test_chart_is_an_accessible_image_that_states_its_figures(guide):
    root = chart(guide)
    assert root.get("role") == "img"
    title, desc = root.find("s:title", NS), root.find("s:desc", NS)
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "Data Scientists (15-2051, Data scientist), May 2025: 10th percentile $67,240, 25th $85,660, median $120,230" in desc.text
    assert "proxy for ML engineer" in desc.text and "AI/ML engineer, United States, May–June 2025: median total pay $189,500, n = 80." in desc.text


def test_chart_labels_every_value_and_fits_its_viewbox(guide):
    root = chart(guide)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    for value in ["$67,240", "$85,660", "$120,230", "$158,880", "$199,130", "$189,500", "$82,910"]:
        assert value in texts
    width = float(root.get("viewBox").split()[2])
    assert width <= 360
    for t in root.iter("{http://www.w3.org/2000/svg}text"):
        x, size = float(t.get("x")), 11
        left = {"middle": x - svg.text_width(t.text, size) / 2, "end": x - svg.text_width(t.text, size)}.get(t.get("text-anchor"), x)
        assert 0 <= left and left + svg.text_width(t.text, size) <= width + 0.5, t.text


def test_chart_draws_ranges_from_the_data(guide, valid_data):
    before = chart(guide)
    valid_data["salary"]["wages"][0]["p90"] = 240000
    after = chart(Guide(valid_data))
    assert "$240,000" in [t.text for t in after.iter("{http://www.w3.org/2000/svg}text")]
    lines = lambda root: [(l.get("x1"), l.get("x2")) for l in root.iter("{http://www.w3.org/2000/svg}line") if l.get("class") == "fg-range"]
    assert lines(before) != lines(after)


def test_survey_medians_are_drawn_apart_from_the_wage_ranges(guide):
    root = chart(guide)
    dots = [c for c in root.iter("{http://www.w3.org/2000/svg}circle") if c.get("class") == "fg-survey-dot"]
    assert len(dots) == 1 + 2  # the legend's sample and one per survey figure
    texts = " ".join(t.text for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "survey median: self-reported, not a census" in texts and "Survey: median total pay" in texts


def test_small_chart_keeps_the_roles_and_the_us_survey_only(guide):
    root = chart(guide, "small")
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "$189,500" in texts and "$82,910" not in texts  # worldwide left out
    assert root.find("s:title", NS).get("id") == "fg-pay-chart-small-title"


def test_chart_uses_theme_colours_only(guide):
    html = pay.build_pay_chart(Context(guide, "compare/salary.md"))
    assert not re.search(r"(fill|stroke|style)=", html)  # painted by classes in extra.css
    css = (pay.Path(__file__).resolve().parents[1] / "docs/assets/extra.css").read_text(encoding="utf-8")
    block = css[css.index(".fg-chart text"):]
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb", block)


def test_svg_helpers_escape_and_scale():
    assert svg.text(1, 2, "<b>&</b>") == '<text x="1" y="2">&lt;b&gt;&amp;&lt;/b&gt;</text>'
    scale = svg.LinearScale(0, 200, 10, 110)
    assert scale(100) == 60 and scale.ticks(50) == [0, 50, 100, 150, 200]
    assert svg.nice_bounds([31_200, 230_630], 50_000) == (0, 250_000)
    assert svg.clamp_label(2, "abcd", 10, 0, 100) == 12  # 24 wide: its middle moves to 12
    with pytest.raises(ValueError):
        svg.LinearScale(5, 5, 0, 1)


# --- downloads ----------------------------------------------------------------------------------------


def test_downloads_carry_figures_with_their_provenance(guide):
    extract = FIXTURES / "pay-extract.csv"
    rows = list(csv.DictReader(io.StringIO(export.salary_csv(guide, extract))))
    median = next(r for r in rows if r["figure"] == "ds-2025" and r["measure"] == "A_MEDIAN")
    assert median["value"] == "120230" and median["period"] == "May 2025"
    assert re.fullmatch(r"pay-extract.csv:\d+", median["extract_row"]) and len(median["file_commit"]) == 40
    survey = next(r for r in rows if r["figure"] == "survey-us-mle")
    assert survey["respondents"] == "80" and survey["region"] == "United States"
    assert any(r["kind"] == "outlook" and r["value"] == "+15%" for r in rows)
    data = json.loads(export.to_json(guide, extract))
    assert data["salary"]["wages"][0]["extract"] == "bls_oews_national_may2025"
    assert {"source_id", "file_commit"} <= set(data["pay_extract"][0])


def test_the_scope_is_said_on_the_salary_page_and_linked_from_elsewhere(guide):
    scope = pay.build_pay_spread(Context(guide, "compare/salary.md"))
    elsewhere = pay.build_pay_spread(Context(guide, "roles/data-scientist.md"), "data_scientist")
    assert f'<p class="fg-scope">{guide.salary["scope"]}</p>' in scope
    assert guide.salary["scope"] not in elsewhere
    assert 'href="../compare/salary.html#beyond-the-median">what they leave out</a>' in elsewhere


def test_the_small_chart_has_a_short_key_of_its_own(guide):
    small = pay.build_pay_chart(Context(guide, "index.md"), "small")
    full = pay.build_pay_chart(Context(guide, "compare/salary.md"))
    assert "Bars: 10th to 90th percentile" in small and "Each bar runs" not in small
    assert "Each bar runs from the 10th to the 90th percentile" in full
