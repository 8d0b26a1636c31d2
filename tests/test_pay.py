"""Pay figures: the checks against the extract, the number formats, the tables, the chart and inline figures."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from markupsafe import Markup

from conftest import FIXTURES, ROOT, golden, problems_for
from fieldguide.blocks import pay_chart, pay_chart_rows, pay_tables
from fieldguide.blocks.registry import MARKERS, Context, expand
from fieldguide.core import svg
from fieldguide.core.errors import MarkerError
from fieldguide.core.numbers import dollars, figure_text, period_text, periods_text, rounded_note, whole_dollars
from fieldguide.model.check_pay import pay_problems
from fieldguide.model.extract import provenance, read_extract
from fieldguide.model.guide import Guide
from fieldguide.model.load import load_data
from fieldguide.publish import export

SALARY = "compare/salary.md"
SVG = "{http://www.w3.org/2000/svg}"
NS = {"s": SVG[1:-1]}


def salary_page(guide: Guide, page: str = SALARY) -> Context:
    return Context(guide, page)


# --- number formats ---------------------------------------------------------------------------


@pytest.mark.parametrize("value, text", [(120230, "$120,230"), (96945.5, "$96,945.50"), (0, "$0"), (1000000, "$1,000,000")])
def test_dollars(value, text):
    assert dollars(value) == text


@pytest.mark.parametrize("value, text", [(120230, "$120,230"), (96945.5, "$96,946"), (96945.49, "$96,945"), (2.5, "$3"),
                                         (0, "$0")])
def test_pages_show_whole_dollars_with_halves_rounded_up(value, text):
    assert whole_dollars(value) == text


def test_a_rounded_figure_says_so():
    assert rounded_note([120230, 96945.5]) == "Figures rounded to the dollar."
    assert rounded_note([120230, 145000]) == ""
    assert figure_text("median", 96945.5) == "$96,946 (rounded to the dollar)"
    assert figure_text("median", 120230) == "$120,230" and figure_text("respondents", 164) == "164"


@pytest.mark.parametrize(
    "period, text",
    [("2025-05-29/2025-06-23", "May–June 2025"), ("2025-06-01/2025-06-23", "June 2025"),
     ("2024-12-01/2025-01-10", "December 2024–January 2025"), ("May 2025", "May 2025")],
)
def test_survey_fieldwork_reads_as_a_period(period, text):
    assert period_text(period) == text


def test_periods_read_oldest_first_once_each():
    assert periods_text(["May 2025", "May 2023", "May 2025"]) == "May 2023 and May 2025"
    assert periods_text(["May 2025", "May 2024", "May 2023"]) == "May 2023, May 2024 and May 2025"
    assert periods_text(["2025-05-29/2025-06-23"]) == "May–June 2025"


# --- checks against the extract ------------------------------------------------------------------


def test_the_fixture_and_the_real_data_are_valid(write_yaml, valid_data):
    load_data(write_yaml(valid_data))
    load_data(ROOT / "data" / "roles.yml")


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


def test_two_extract_rows_for_one_figure_are_refused(valid_data, write_yaml, tmp_path):
    path = write_yaml(valid_data)
    extract = tmp_path / "pay-extract.csv"
    lines = extract.read_text(encoding="utf-8").splitlines()
    repeated = next(line for line in lines if ",A_PCT75,158880," in line)
    extract.write_text("\n".join([*lines, repeated]) + "\n", encoding="utf-8")
    [problem] = problems_for(path)
    assert re.search(r"salary.wages\[0\].p75: pay-extract.csv has several rows for .* \(lines \d+, \d+\); keep one$", problem)


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
    problems = pay_problems(valid_data, tmp_path / "roles.yml")
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
    rows, problem = read_extract(ROOT / "data" / "pay-extract.csv")
    assert problem == "" and rows
    for row in rows:
        assert re.fullmatch(r"[0-9a-f]{40}", row["file_commit"]), row
        assert row["file_repo"] and row["file_path"]
        float(row["value"])


def test_each_figure_has_one_provenance_row(guide):
    rows, _ = read_extract(FIXTURES / "pay-extract.csv")
    wage, survey = guide.figure("ds-2025"), guide.figure("survey-us-mle")
    assert provenance(rows, wage, "p75")["value"] == "158880"
    assert provenance(rows, survey, "median")["respondents"] == "80"
    assert provenance(rows, {**wage, "extract": "elsewhere"}, "median") is None


# --- tables and inline figures -----------------------------------------------------------------


def test_pay_markers_are_registered():
    assert {"pay-spread", "pay-trend", "pay-survey", "outlook", "salary", "pay-abroad", "pay-chart"} <= set(MARKERS)


def test_every_pay_block_is_markup_on_the_real_data():
    ctx = Context(Guide.load(), SALARY)
    for marker in ["pay-spread", "pay-trend", "pay-survey", "outlook", "pay-abroad", "pay-chart", "pay-chart: small",
                   "salary: ml_engineer", "outlook: data_scientist"]:
        name, _, arg = marker.partition(": ")
        html = MARKERS[name].run(ctx, arg)
        assert isinstance(html, Markup) and "&amp;lt;" not in html and "&amp;#" not in html, marker  # escaped once
    assert isinstance(pay_tables.glance_row(Context(ctx.guide, "index.md")), Markup)


def test_spread_table_shows_every_percentile_with_period_and_source(guide):
    html = pay_tables.pay_spread(salary_page(guide))
    for value in ["$67,240", "$85,660", "$120,230", "$158,880", "$199,130", "262,440", "$214,670"]:
        assert value in html
    assert "<caption>Annual wages of US employees by percentile, May 2025</caption>" in html
    assert '<p class="fg-sources">Source: <a href="../sources.html#source-bls-oews">OEWS national estimates</a></p>' in html
    assert "US Bureau of Labor Statistics" not in html  # the publication, not the publisher
    assert html.count("Proxy for ML engineer") == 1
    assert '<th scope="col">Period</th>' not in html and '<th scope="col">Source</th>' not in html  # narrow enough


def test_spread_rows_name_their_period_when_the_caption_names_several(valid_data):
    valid_data["salary"]["wages"][1]["period"] = "May 2024"
    html = pay_tables.pay_spread(salary_page(Guide(valid_data)))
    assert "by percentile, May 2024 and May 2025</caption>" in html
    assert "Data Scientists <small>(15-2051)</small>, May 2025</th>" in html


def test_trend_table_puts_releases_in_order(guide):
    html = expand("<!-- pay-trend -->", salary_page(guide))
    assert "<caption>Median annual wage, May 2024 and May 2025</caption>" in html
    assert html.index("$133,080") < html.index("$135,980")
    assert "$120,230" not in html  # one release only: no trend to show
    assert 'Sources, one BLS release each: <a href="../sources.html#source-bls-oews">May 2024</a>' in html


def test_survey_table_gives_every_median_its_respondents(guide):
    html = pay_tables.pay_survey(salary_page(guide))
    assert "$189,500 <small>(n = 80)</small>" in html and "$82,910 <small>(n = 333)</small>" in html
    assert "survey of May–June 2025" in html


def test_salary_table_golden(guide):
    ctx = Context(guide, "roles/ml-engineer.md")
    golden("salary-ml-engineer.html", pay_tables.salary(ctx, guide.role("ml_engineer")))


def test_salary_proxy_is_never_the_role_own_figure(guide):
    html = expand("<!-- salary: ml_engineer -->", Context(guide, "roles/ml-engineer.md"))
    assert html.count("Proxy for ML engineer") == 1  # once per row, and one proxy row
    assert "$135,980" in html and "$120,230" not in html  # the role's rows only
    assert "ML engineer, self-reported" in html and "$189,500 <small>(n = 80)</small>" in html


def test_the_scope_is_said_on_the_salary_page_and_linked_from_elsewhere(guide):
    scope = pay_tables.pay_spread(salary_page(guide))
    elsewhere = pay_tables.pay_spread(Context(guide, "roles/data-scientist.md"), guide.role("data_scientist"))
    assert f'<p class="fg-scope">{guide.pay_scope}</p>' in scope
    assert guide.pay_scope not in elsewhere
    assert 'href="../compare/salary.html#beyond-the-median">what they leave out</a>' in elsewhere


def test_outlook_and_abroad_tables(guide):
    outlook = pay_tables.outlook(salary_page(guide))
    assert "<td>+15%</td><td>2024–34</td>" in outlook and "Software Developers <small>(15-1252)</small>" in outlook
    abroad = pay_tables.pay_abroad(salary_page(guide))
    assert '<a href="https://www.bls.gov/ooh/math/data-scientists.htm">21211 Data scientists</a>' in abroad
    assert "<em>machine learning engineers</em>" in abroad


@pytest.mark.parametrize(
    "marker, message",
    [("<!-- outlook: data_scientist -->", "the data file has no outlook figures for this role"),
     ("<!-- pay-trend: data_scientist -->", "the data file has no occupation with more than one release"),
     ("<!-- salary: nobody -->", "unknown role 'nobody'"),
     ("<!-- salary -->", "expected <!-- salary: ROLE -->"),
     ("<!-- pay-chart: huge -->", "unknown size 'huge'; expected one of: small")],
)
def test_bad_pay_markers_name_the_page(guide, marker, message):
    with pytest.raises(MarkerError) as caught:
        expand(f"{marker}\n", salary_page(guide))
    assert str(caught.value).startswith(f"compare/salary.md: marker '{marker}': ") and message in str(caught.value)


def test_inline_figures_work_inside_a_sentence(guide):
    page = ("# Pay\n\nThe median was <!--fig:ds-2025--> in <!--fig:ds-2025.period-->, from <!--fig:ds-2025.employment--> "
            "people.\n<!--fig:survey-us-mle.respondents-->\n<!--fig:survey-us-mle.period-->\n")
    out = expand(page, salary_page(guide))
    assert "The median was $120,230 in May 2025, from 262,440 people.\n80\nMay–June 2025\n" in out


@pytest.mark.parametrize(
    "marker, message",
    [("<!--fig:nobody-->", "unknown figure 'nobody'"), ("<!--fig:ds-2025.p99-->", "unknown figure part 'p99'"),
     ("<!--fig:swdev-2024.p10-->", "figure 'swdev-2024' has no p10")],
)
def test_bad_inline_figures_name_the_page(guide, marker, message):
    with pytest.raises(MarkerError) as caught:
        expand(f"Text {marker} text.\n", salary_page(guide))
    assert str(caught.value).startswith(f"compare/salary.md: figure '{marker}': ") and message in str(caught.value)


def test_glance_row_shows_each_role_pay_with_labels(guide):
    row = pay_tables.glance_row(Context(guide, "index.md"))
    assert row.startswith('<tr><th scope="row"><a href="compare/salary.html#beyond-the-median">Pay</a> <small>(Salary)</small></th>')
    assert "Median wage $120,230 (May 2025)." in row
    assert "Proxies' median wages (May 2025): $135,980 for Software Developers." in row
    assert "median total pay $189,500 (AI/ML engineer, n = 80, May–June 2025)" in row


def test_selections(guide):
    assert [f["id"] for f in pay_tables.spread_figures(guide)] == ["ds-2025", "swdev-2025"]
    assert [f["id"] for f in pay_tables.spread_figures(guide, "ml_engineer")] == ["swdev-2025"]
    assert [f["id"] for f in pay_tables.survey_figures(guide, region="Worldwide")] == ["survey-world-ds"]
    assert pay_tables.survey_figures(guide, "ml_engineer", "Worldwide") == []


def test_data_never_becomes_markup_in_captions_or_the_glance_row(valid_data):
    """Periods and occupations enter captions, headers, the glance row and the chart escaped, once."""
    for figure in valid_data["salary"]["wages"]:
        figure["period"] = f"<b>{figure['period']}</b>"
        figure["occupation"] = "<b>Data & more</b>"
    for figure in valid_data["salary"]["survey"]:
        figure["period"] = "<b>2025</b>"
        figure["label"] = "<b>AI/ML</b>"
    guide = Guide(valid_data)
    ctx = salary_page(guide)
    blocks = [pay_tables.pay_spread(ctx), pay_tables.pay_trend(ctx), pay_tables.pay_survey(ctx),
              pay_tables.glance_row(Context(guide, "index.md")), pay_chart.pay_chart(ctx)]
    for html in blocks:
        assert "<b>" not in html and "&amp;lt;" not in html
    spread, trend, survey, glance, _ = blocks
    assert "<caption>Annual wages of US employees by percentile, &lt;b&gt;May 2025&lt;/b&gt;</caption>" in spread
    assert "&lt;b&gt;Data &amp; more&lt;/b&gt; <small>(15-2051)</small>" in spread
    assert '<th scope="col">&lt;b&gt;May 2024&lt;/b&gt;</th>' in trend
    assert "survey of &lt;b&gt;2025&lt;/b&gt;</caption>" in survey
    assert "Proxies' median wages (&lt;b&gt;May 2025&lt;/b&gt;)" in glance
    assert "&lt;b&gt;AI/ML&lt;/b&gt;, n = 80, &lt;b&gt;2025&lt;/b&gt;" in glance


# --- the chart ---------------------------------------------------------------------------------------


def chart(guide, size="", wide=False) -> ET.Element:
    """The phones' drawing, or with wide=True the one for larger screens and print."""
    html = pay_chart.pay_chart(salary_page(guide), *([size] if size else []))
    start = html.index("<svg", html.index("<svg") + 1) if wide else html.index("<svg")
    return ET.fromstring(html[start:html.index("</svg>", start) + 6])


def texts(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}text"))


def text_span(t: ET.Element, size: float = pay_chart_rows.NARROW.size) -> tuple[float, float]:
    """Where a label starts and ends, by the same estimate the drawing uses."""
    x, width = float(t.get("x")), svg.text_width(t.text, size)
    left = {"middle": x - width / 2, "end": x - width}.get(t.get("text-anchor"), x)
    return left, left + width


def test_chart_is_an_accessible_image_that_states_its_figures(guide):
    root = chart(guide)
    assert root.get("role") == "img"
    title, desc = root.find("s:title", NS), root.find("s:desc", NS)
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "Data Scientists (15-2051, Data scientist), May 2025: 10th percentile $67,240, 25th $85,660, median $120,230" in desc.text
    assert "proxy for ML engineer" in desc.text
    assert "AI/ML engineer, United States, May–June 2025: median total pay $189,500, n = 80." in desc.text


def test_chart_labels_every_value_and_fits_its_viewbox(guide):
    root = chart(guide)
    shown = [t.text for t in texts(root)]
    for value in ["$67,240", "$85,660", "$120,230", "$158,880", "$199,130", "$189,500", "$82,910"]:
        assert value in shown
    width = float(root.get("viewBox").split()[2])
    assert width <= 360
    for t in texts(root):
        left, right = text_span(t)
        assert 0 <= left and right <= width + 0.5, t.text


def test_legend_keys_are_spaced_by_their_labels(guide):
    """Each legend label ends before the next key's swatch begins: measured, not hand-fitted."""
    first_row = list(chart(guide))[2:8]  # after the title and the description: swatch, label, swatch, label, ...
    labels = [el for el in first_row if el.tag == f"{SVG}text"][:2]
    swatches = [el for el in first_row if el.tag != f"{SVG}text"][1:]
    assert [t.text for t in labels] == ["10th–90th percentile", "25th–75th"]
    for label, swatch in zip(labels, swatches):
        assert text_span(label, pay_chart_rows.NARROW.small)[1] < float(swatch.get("x") or swatch.get("x1"))


def test_chart_draws_ranges_from_the_data(guide, valid_data):
    before = chart(guide)
    valid_data["salary"]["wages"][0]["p90"] = 240000
    after = chart(Guide(valid_data))
    assert "$240,000" in [t.text for t in texts(after)]

    def ranges(root):
        return [(line.get("x1"), line.get("x2")) for line in root.iter(f"{SVG}line") if line.get("class") == "fg-range"]

    assert ranges(before) != ranges(after)


def test_survey_medians_are_drawn_apart_from_the_wage_ranges(guide):
    root = chart(guide)
    dots = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "fg-survey-dot"]
    assert len(dots) == 1 + 2  # the legend's sample and one per survey figure
    shown = " ".join(t.text for t in texts(root))
    assert "survey median: self-reported, not a census" in shown and "Survey: median total pay" in shown


def test_small_chart_keeps_the_roles_and_the_us_survey_only(guide):
    root = chart(guide, "small")
    shown = [t.text for t in texts(root)]
    assert "$189,500" in shown and "$82,910" not in shown  # worldwide left out
    assert root.find("s:title", NS).get("id") == "fg-pay-chart-small-title"


def test_small_chart_golden(guide):
    html = expand("<!-- pay-chart: small -->", Context(guide, "index.md"))
    drawing = html[html.index("<svg"):html.index("</svg>") + 6]
    golden("pay-chart-small.svg", drawing.replace("><", ">\n<") + "\n")  # an element a line: diffs read well


def test_the_small_chart_has_a_short_key_of_its_own(guide):
    small = pay_chart.pay_chart(Context(guide, "index.md"), "small")
    full = pay_chart.pay_chart(salary_page(guide))
    assert "Bars: 10th to 90th percentile" in small and "Each bar runs" not in small
    assert "Each bar runs from the 10th to the 90th percentile" in full
    assert '<a href="compare/salary.html#beyond-the-median">The same figures as tables, with sources</a>.' in small


# The article column at 1280 px, in CSS pixels, and the body text's size there.
COLUMN_AT_1280, BODY_PX = 688, 16


def axes(root: ET.Element, frame: pay_chart_rows.Frame) -> list[float]:
    """The y of every dollar axis: a rule across the bars' whole room."""
    return sorted(float(line.get("y1")) for line in root.iter(f"{SVG}line")
                  if line.get("class") == "fg-rule" and line.get("y1") == line.get("y2")
                  and float(line.get("x1")) == frame.plot_left and float(line.get("x2")) == frame.plot_right)


def test_the_desktop_drawing_is_short_enough_for_a_screen():
    root = chart(Guide.load(), wide=True)
    _, _, width, height = map(float, root.get("viewBox").split())
    assert "fg-chart-wide" in root.get("class") and width == pay_chart_rows.WIDE.width
    assert height * COLUMN_AT_1280 / width <= 700  # the phones' drawing, scaled up, was 1,603 px


def test_the_desktop_drawing_type_is_no_larger_than_body_text():
    css = (ROOT / "docs/assets/extra.css").read_text(encoding="utf-8")
    sizes = dict(re.findall(r"\.fg-chart-wide( text| \.fg-small| \.fg-heading) \{\s*font-size: ([\d.]+)px;", css))
    wide = pay_chart_rows.WIDE
    assert float(sizes[" text"]) == wide.size and float(sizes[" .fg-small"]) == wide.small  # the drawing measures with these
    assert max(map(float, sizes.values())) * COLUMN_AT_1280 / wide.width <= BODY_PX


@pytest.mark.parametrize("wide", [False, True])
def test_survey_medians_have_a_panel_and_an_axis_of_their_own(guide, wide):
    root = chart(guide, wide=wide)
    frame = pay_chart_rows.WIDE if wide else pay_chart_rows.NARROW
    wage_top, wage_bottom, survey_axis = axes(root, frame)
    heading = next(float(t.get("y")) for t in texts(root) if t.text.startswith("Survey:"))
    bands = [float(r.get("y")) for r in root.iter(f"{SVG}rect") if r.get("class") == "fg-band"][1:]  # after the legend's
    dots = [float(c.get("cy")) for c in root.iter(f"{SVG}circle") if c.get("class") == "fg-survey-dot"][1:]
    assert wage_top < min(bands) and max(bands) < wage_bottom < heading < min(dots) and max(dots) < survey_axis
    ticks = {y: [t.text for t in texts(root) if t.get("y") == y] for y in {t.get("y") for t in texts(root) if t.text == "0"}}
    last_ticks = [labels[-1] for _, labels in sorted(ticks.items(), key=lambda item: float(item[0]))]
    assert last_ticks == ["250k", "250k", "200k"]  # the survey's scale is its own, not the wages'
    assert len([g for g in root.iter(f"{SVG}line") if g.get("class") == "fg-grid"]) == 6 + 5  # a gridline a tick


def test_both_drawings_show_the_same_figures(guide):
    values = [re.compile(r"^\$[\d,]+$").match(t.text) for t in texts(chart(guide))]
    shown = sorted(m[0] for m in values if m)
    assert shown == sorted(t.text for t in texts(chart(guide, wide=True)) if t.text.startswith("$"))


def test_no_cents_are_shown_and_rounding_is_said(valid_data):
    valid_data["salary"]["survey"][1]["median"] = 82910.5
    guide = Guide(valid_data)
    html = pay_chart.pay_chart(salary_page(guide)) + pay_tables.pay_survey(salary_page(guide))
    assert not re.search(r"\$[\d,]+\.\d", html)
    assert "$82,911" in html and html.count("rounded to the dollar") == 4  # the caption, both descriptions, the table
    assert "rounded to the dollar" not in pay_chart.pay_chart(Context(guide, "index.md"), "small")  # US figures only


def test_the_real_pay_blocks_show_no_cents():
    ctx = Context(Guide.load(), SALARY)
    html = pay_chart.pay_chart(ctx) + pay_tables.pay_spread(ctx) + pay_tables.pay_survey(ctx) + pay_tables.pay_trend(ctx)
    assert not re.search(r"\$[\d,]+\.\d", html) and "$96,946" in html


def test_chart_uses_theme_colours_only(guide):
    html = pay_chart.pay_chart(salary_page(guide))
    assert not re.search(r"(fill|stroke|style)=", html)  # painted by classes in extra.css
    css = (ROOT / "docs/assets/extra.css").read_text(encoding="utf-8")
    block = css[css.index(".fg-chart text"):]
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|\brgba?\(", block)


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
