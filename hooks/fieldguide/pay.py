"""Pay figures: checked against the committed extract, turned into text in one place,
and rendered as tables, a chart and inline figures.

Every wage and survey figure in data/roles.yml names its provenance: `extract` is the
release's `source_id` in data/pay-extract.csv, and the occupation code (or the survey's
role label and region) with the measure picks one row there. The build refuses a figure
that differs from its row, has none, or does not hold together (percentiles out of order,
a negative wage, a survey median without its number of respondents).
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import svg
from .guide import SOURCES_PAGE, Guide, UnknownName, source_anchor
from .load import Problem
from .text import href, html_table, plain, rich

if TYPE_CHECKING:
    from .render import Context

EXTRACT_NAME = "pay-extract.csv"
EXTRACT_COLUMNS = [
    "source_id", "period", "region", "code_or_label", "label", "measure", "value", "respondents",
    "file_repo", "file_path", "file_commit",
]

PERCENTILES = ("p10", "p25", "median", "p75", "p90")
PERCENTILE_NAMES = {"p10": "10th percentile", "p25": "25th percentile", "median": "median",
                    "p75": "75th percentile", "p90": "90th percentile"}
# A wage figure's key -> the OEWS column it was read from.
WAGE_MEASURES = {"employment": "TOT_EMP", "mean": "A_MEAN", "p10": "A_PCT10", "p25": "A_PCT25",
                 "median": "A_MEDIAN", "p75": "A_PCT75", "p90": "A_PCT90"}
WAGE_REGION = "US"
SURVEY_MEASURE = "median_yearly_salary_usd"
COUNTS = {"employment", "respondents"}  # whole numbers of people, not dollars

SALARY_PAGE = "compare/salary.md"
SPREAD_ANCHOR = "beyond-the-median"  # the section that holds the chart and the percentile table


# --- numbers become text here, and only here ---------------------------------------------


def dollars(value: float) -> str:
    """120230 -> "$120,230"; 96945.5 -> "$96,945.50" (a published half dollar is kept, not rounded)."""
    if float(value).is_integer():
        return f"${int(value):,}"
    return f"${value:,.2f}"


def count(value: float) -> str:
    return f"{int(value):,}"


def figure_text(key: str, value: float) -> str:
    return count(value) if key in COUNTS else dollars(value)


_ISO_RANGE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})$")


def period_text(period: str) -> str:
    """A survey's fieldwork dates read as a period: "2025-05-29/2025-06-23" -> "May–June 2025"."""
    match = _ISO_RANGE.match(period)
    if not match:
        return period
    first = date(int(match[1]), int(match[2]), int(match[3]))
    last = date(int(match[4]), int(match[5]), int(match[6]))
    if first.year != last.year:
        return f"{first:%B %Y}–{last:%B %Y}"
    if first.month == last.month:
        return f"{first:%B %Y}"
    return f"{first:%B}–{last:%B %Y}"


def respondents_text(figure: dict) -> str:
    return f"n = {count(figure['respondents'])}"


# --- the extract ------------------------------------------------------------------------


def read_extract(path: Path) -> tuple[list[dict], str]:
    """The extract's rows (each with its line number), or an explanation of why it cannot be used."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        return [], f"cannot read {path.name} beside the data file: {error.strerror}"
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames != EXTRACT_COLUMNS:
        return [], f"{path.name} must have the columns {', '.join(EXTRACT_COLUMNS)}"
    rows = []
    for row in reader:
        row["line"] = reader.line_num
        rows.append(row)
    return rows, ""


def _wage_rows(rows: list[dict], figure: dict, measure: str) -> list[dict]:
    return [r for r in rows if r["source_id"] == figure["extract"] and r["code_or_label"] == figure["soc"]
            and r["region"] == WAGE_REGION and r["measure"] == measure]


def _survey_rows(rows: list[dict], figure: dict) -> list[dict]:
    return [r for r in rows if r["source_id"] == figure["extract"] and r["code_or_label"] == figure["label"]
            and r["region"] == figure["region"] and r["measure"] == SURVEY_MEASURE]


def provenance(rows: list[dict], figure: dict, key: str) -> dict | None:
    """The one extract row a figure's value was read from, if there is exactly one."""
    found = _survey_rows(rows, figure) if "label" in figure else _wage_rows(rows, figure, WAGE_MEASURES[key])
    return found[0] if len(found) == 1 else None


# --- checks -----------------------------------------------------------------------------------


def pay_problems(data: dict, data_path: Path) -> list[Problem]:
    """Every pay figure against its extract row, and the figures against each other."""
    salary = data["salary"]
    sources = {s["id"]: s for s in data["sources"]}
    rows, unreadable = read_extract(Path(data_path).parent / EXTRACT_NAME)
    problems: list[Problem] = []
    if unreadable:
        problems.append(Problem(("salary",), unreadable))
    seen: dict[str, tuple] = {}
    for section in ("wages", "survey"):
        for i, figure in enumerate(salary[section]):
            path = ("salary", section, i)
            if figure["id"] in seen:
                problems.append(Problem(path + ("id",), f"duplicate figure id '{figure['id']}', already used at {_shown(seen[figure['id']])}"))
            seen.setdefault(figure["id"], path)
            problems += _source_problems(path, figure, sources)
            numbers = _number_problems(path, figure, section)
            problems += numbers
            if not numbers:
                problems += _order_problems(path, figure) if section == "wages" else []
                if not unreadable:
                    problems += _extract_problems(path, figure, rows, section)
    problems += _one_range_per_occupation(salary["wages"])
    for i, figure in enumerate(salary["outlook"]):
        path = ("salary", "outlook", i)
        problems += _source_problems(path, figure, sources)
        if figure["source"] in sources and not sources[figure["source"]].get("url"):
            problems.append(Problem(path + ("source",), "no provenance: an outlook figure is not in the extract, so its "
                                    "source must give the address of the page it was read from"))
    for i, entry in enumerate(salary["abroad"]):
        problems += _source_problems(("salary", "abroad", i), entry, sources)
    return problems


def _shown(path: tuple) -> str:
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")


def _source_problems(path: tuple, figure: dict, sources: dict) -> list[Problem]:
    if figure["source"] in sources:
        return []
    return [Problem(path + ("source",), f"unknown source '{figure['source']}'; expected one of: {', '.join(sources)}")]


def _number_problems(path: tuple, figure: dict, section: str) -> list[Problem]:
    problems = []
    keys = [k for k in (*WAGE_MEASURES, "respondents") if k in figure]
    for key in keys:
        value = figure[key]
        what = "a count of people" if key in COUNTS else "a wage in US dollars a year"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(Problem(path + (key,), f"expected a number ({what}), got {value!r}; write it without $ or commas"))
        elif value < 0:
            problems.append(Problem(path + (key,), f"expected {what}, got a negative number ({value})"))
        elif key in COUNTS and not float(value).is_integer():
            problems.append(Problem(path + (key,), f"expected a whole number ({what}), got {value}"))
    if section == "wages":
        present = [k for k in PERCENTILES if k in figure]
        if len(present) not in (1, 5):
            missing = ", ".join(k for k in PERCENTILES if k not in figure)
            problems.append(Problem(path, f"give all five percentiles (p10, p25, median, p75, p90) or the median alone; missing {missing}"))
    return problems


def _order_problems(path: tuple, figure: dict) -> list[Problem]:
    present = [k for k in PERCENTILES if k in figure]
    for lower, upper in zip(present, present[1:]):
        if figure[lower] > figure[upper]:
            return [Problem(path + (upper,), f"percentiles out of order: the {PERCENTILE_NAMES[upper]} ({figure[upper]}) "
                            f"is below the {PERCENTILE_NAMES[lower]} ({figure[lower]}); expected p10 <= p25 <= median <= p75 <= p90")]
    return []


def _extract_problems(path: tuple, figure: dict, rows: list[dict], section: str) -> list[Problem]:
    problems = []
    keys = ["median"] if section == "survey" else [k for k in WAGE_MEASURES if k in figure]
    for key in keys:
        found = _survey_rows(rows, figure) if section == "survey" else _wage_rows(rows, figure, WAGE_MEASURES[key])
        where = _row_key(figure, key, section)
        if not found:
            problems.append(Problem(path + (key,), f"no provenance: {EXTRACT_NAME} has no row for {where}"))
            continue
        if len(found) > 1:
            lines = ", ".join(str(r["line"]) for r in found)
            problems.append(Problem(path + (key,), f"{EXTRACT_NAME} has several rows for {where} (lines {lines}); keep one"))
            continue
        row = found[0]
        if _as_number(row["value"]) != figure[key]:
            problems.append(Problem(path + (key,), f"{figure[key]} differs from {EXTRACT_NAME}:{row['line']}, which gives "
                                    f"{row['value']} for {where}"))
        if row["period"] != figure["period"] and key == keys[0]:
            problems.append(Problem(path + ("period",), f"'{figure['period']}' differs from the period of "
                                    f"{EXTRACT_NAME}:{row['line']}, '{row['period']}'"))
        if section == "survey":
            if not row["respondents"]:
                problems.append(Problem(path + ("respondents",), f"{EXTRACT_NAME}:{row['line']} gives no number of respondents"))
            elif _as_number(row["respondents"]) != figure["respondents"]:
                problems.append(Problem(path + ("respondents",), f"{figure['respondents']} differs from {EXTRACT_NAME}:"
                                        f"{row['line']}, which gives {row['respondents']} respondents"))
    return problems


def _row_key(figure: dict, key: str, section: str) -> str:
    if section == "survey":
        return f"{figure['extract']} / {figure['region']} / {figure['label']} / {SURVEY_MEASURE}"
    return f"{figure['extract']} / {figure['soc']} / {WAGE_MEASURES[key]}"


def _as_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _one_range_per_occupation(wages: list[dict]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, figure in enumerate(wages):
        if all(k in figure for k in PERCENTILES):
            if figure["soc"] in seen:
                problems.append(Problem(("salary", "wages", i), f"only one release per occupation can carry percentiles "
                                        f"(the chart draws one range per occupation); wages[{seen[figure['soc']]}] already does for {figure['soc']}"))
            seen.setdefault(figure["soc"], i)
    return problems


# --- selections ------------------------------------------------------------------------------


def spread_figures(guide: Guide, role_id: str = "") -> list[dict]:
    """Wage figures with the whole distribution: one per occupation, its newest release."""
    figures = [f for f in guide.salary["wages"] if all(k in f for k in PERCENTILES)]
    return [f for f in figures if f.get("role") == role_id] if role_id else figures


def survey_figures(guide: Guide, role_id: str = "", region: str = "") -> list[dict]:
    figures = guide.salary["survey"]
    if role_id:
        figures = [f for f in figures if f.get("role") == role_id]
    if region:
        figures = [f for f in figures if f["region"] == region]
    return figures


def _period_key(period: str) -> tuple:
    match = re.search(r"(\d{4})", period)
    months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"]
    month = next((i for i, m in enumerate(months) if period.lower().startswith(m)), 0)
    return (int(match[1]) if match else 0, month, period)


def find_figure(guide: Guide, figure_id: str) -> dict:
    for figure in [*guide.salary["wages"], *guide.salary["survey"]]:
        if figure["id"] == figure_id:
            return figure
    known = ", ".join(f["id"] for f in [*guide.salary["wages"], *guide.salary["survey"]])
    raise UnknownName(f"unknown figure '{figure_id}'; the data file has: {known}")


# --- shared pieces of tables ----------------------------------------------------------------


def _source_link(ctx: "Context", source_id: str, label: str = "") -> str:
    source = ctx.guide.source(source_id)
    text = plain(label or source["title"])
    return f'<a href="{href(ctx.page, SOURCES_PAGE, source_anchor(source_id))}">{text}</a>'


def _counts_for(ctx: "Context", figure: dict) -> str:
    """Whose figure it is, with the proxy label once."""
    if not figure.get("role"):
        return "Comparison only"
    role = plain(ctx.guide.role(figure["role"])["name"])
    return f'<span class="fg-proxy">Proxy for {role}</span>' if figure.get("proxy") else f"{role}, its own figure"


def _occupation(figure: dict) -> str:
    return f"{plain(figure['occupation'])} <small>({plain(figure['soc'])})</small>"


def _note(figure: dict) -> str:
    return f'<br><small>{rich(figure["note"])}</small>' if figure.get("note") else ""


def _periods(figures: list[dict]) -> str:
    periods = [period_text(p) for p in sorted({f["period"] for f in figures}, key=_period_key)]
    return " and ".join([", ".join(periods[:-1]), periods[-1]]) if len(periods) > 1 else "".join(periods)


def _scope(ctx: "Context") -> str:
    """What the wages cover: said in full on the salary page, linked from everywhere else."""
    if ctx.page == SALARY_PAGE:
        return f'<p class="fg-scope">{rich(ctx.guide.salary["scope"])}</p>'
    link = href(ctx.page, SALARY_PAGE, SPREAD_ANCHOR)
    return f'<p class="fg-scope">US employees\' wages: <a href="{link}">what they leave out</a>.</p>'


# --- tables ---------------------------------------------------------------------------------


def build_pay_spread(ctx: "Context", role_id: str = "") -> str:
    """`<!-- pay-spread -->`: each occupation's wage distribution, with its code, period and source."""
    figures = spread_figures(ctx.guide, _role(ctx, role_id))
    if not figures:
        raise UnknownName("the data file has no wage percentiles for this role")
    rows = []
    for f in figures:
        cells = [_counts_for(ctx, f) + _note(f), count(f["employment"]) if "employment" in f else "–",
                 *(dollars(f[k]) for k in PERCENTILES), dollars(f["mean"]) if "mean" in f else "–",
                 plain(f["period"]), _source_link(ctx, f["source"])]
        rows.append(f'<tr><th scope="row">{_occupation(f)}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    headers = ["Occupation (SOC code)", "Counts for", "Employees", "10th percentile", "25th percentile", "Median",
               "75th percentile", "90th percentile", "Mean", "Period", "Source"]
    caption = f"Annual wages of US employees by percentile, {_periods(figures)}"
    return _scope(ctx) + "\n" + html_table(caption, headers, rows)


def build_pay_trend(ctx: "Context", role_id: str = "") -> str:
    """`<!-- pay-trend -->`: the median of each occupation with more than one release, release by release."""
    by_code: dict[str, list[dict]] = {}
    for f in ctx.guide.salary["wages"]:
        by_code.setdefault(f["soc"], []).append(f)
    series = [fs for fs in by_code.values() if len(fs) > 1 and (not role_id or fs[0].get("role") == _role(ctx, role_id))]
    if not series:
        raise UnknownName("the data file has no occupation with more than one release")
    periods = sorted({f["period"] for fs in series for f in fs}, key=_period_key)
    sources = {f["period"]: f["source"] for fs in series for f in fs}
    rows = []
    for fs in series:
        by_period = {f["period"]: f for f in fs}
        cells = [_counts_for(ctx, fs[0])] + [dollars(by_period[p]["median"]) if p in by_period else "–" for p in periods]
        rows.append(f'<tr><th scope="row">{_occupation(fs[0])}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    headers = ["Occupation (SOC code)", "Counts for", *(f"{plain(p)}" for p in periods)]
    caption = f"Median annual wage, {_periods([f for fs in series for f in fs])}"
    links = ", ".join(_source_link(ctx, sources[p], f"{p}") for p in periods)
    return html_table(caption, headers, rows) + f'\n<p class="fg-sources">Sources, one BLS release each: {links}</p>'


def build_pay_survey(ctx: "Context", role_id: str = "") -> str:
    """`<!-- pay-survey -->`: the survey's medians by role, US and worldwide, each with its respondents."""
    figures = survey_figures(ctx.guide, _role(ctx, role_id))
    if not figures:
        raise UnknownName("the data file has no survey figures for this role")
    regions = list(dict.fromkeys(f["region"] for f in figures))
    labels = list(dict.fromkeys(f["label"] for f in figures))
    rows = []
    for label in labels:
        first = next(f for f in figures if f["label"] == label)
        cells = [_counts_for(ctx, {**first, "proxy": False})]
        for region in regions:
            match = [f for f in figures if f["label"] == label and f["region"] == region]
            cells.append(f"{dollars(match[0]['median'])} <small>({respondents_text(match[0])})</small>" if match else "–")
        cells.append(_source_link(ctx, first["source"]))
        rows.append(f'<tr><th scope="row">{plain(label)}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    headers = ["Role, as respondents chose it", "Counts for", *(f"{plain(r)}: median (respondents)" for r in regions), "Source"]
    caption = f"Median total annual pay in US dollars, survey of {_periods(figures)}"
    return html_table(caption, headers, rows)


def build_outlook(ctx: "Context", role_id: str = "") -> str:
    """`<!-- outlook -->`: jobs, projections and entry-level education, as the handbook pages state them."""
    figures = ctx.guide.salary["outlook"]
    if role_id:
        figures = [f for f in figures if f["role"] == _role(ctx, role_id)]
    if not figures:
        raise UnknownName("the data file has no outlook figures for this role")
    rows = []
    for f in figures:
        cells = [_counts_for(ctx, f) + _note(f), plain(f["measure"]), plain(f["value"]), plain(f["period"]),
                 _source_link(ctx, f["source"])]
        rows.append(f'<tr><th scope="row">{_occupation(f)}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    headers = ["Occupation (SOC code)", "Counts for", "Measure", "Value", "Period", "Source"]
    return html_table("Jobs, projections and entry-level education", headers, rows)


def build_salary(ctx: "Context", role_id: str = "") -> str:
    """`<!-- salary: ROLE -->`: one role's wage spread and survey medians, for its role page."""
    role_id = _role(ctx, role_id)
    parts = [build_pay_spread(ctx, role_id)]
    if survey_figures(ctx.guide, role_id):
        parts.append(build_pay_survey(ctx, role_id))
    return "\n".join(parts)


def build_pay_abroad(ctx: "Context", args: str = "") -> str:
    """`<!-- pay-abroad -->`: the classification each country or region uses, and where its pay statistics are."""
    rows = []
    for entry in ctx.guide.salary["abroad"]:
        code = f'<a href="{plain(ctx.guide.source(entry["source"]).get("url", ""))}">{plain(entry["code"])} {plain(entry["title"])}</a>'
        if not ctx.guide.source(entry["source"]).get("url"):
            code = f"{plain(entry['code'])} {plain(entry['title'])}"
        cells = [f"{plain(entry['system'])}<br>{code}", rich(entry["covers"]), rich(entry["where"])]
        rows.append(f'<tr><th scope="row">{plain(entry["region"])}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    headers = ["Where", "Classification and code", "What the code covers", "Where to look for pay"]
    return html_table("Occupation codes outside the US", headers, rows)


def _role(ctx: "Context", role_id: str) -> str:
    role_id = role_id.strip()
    if role_id:
        ctx.guide.role(role_id)
    return role_id


# --- inline figures ----------------------------------------------------------------------------

INLINE = re.compile(r"<!--fig:(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?P<key>[a-z0-9]+))?-->")
INLINE_KEYS = (*WAGE_MEASURES, "respondents", "period")


def inline_figure(ctx: "Context", figure_id: str, key: str | None) -> str:
    """`<!--fig:ID.KEY-->` inside a sentence: one figure as text (KEY defaults to the median)."""
    figure = find_figure(ctx.guide, figure_id)
    key = key or "median"
    if key not in INLINE_KEYS:
        raise UnknownName(f"unknown figure part '{key}'; expected one of: {', '.join(INLINE_KEYS)}")
    if key not in figure:
        raise UnknownName(f"figure '{figure_id}' has no {key}")
    if key == "period":
        return plain(period_text(figure["period"]))
    return plain(figure_text(key, figure[key]))


# --- at a glance ---------------------------------------------------------------------------------


def glance_row(ctx: "Context") -> str:
    """The pay row of the home page's at-a-glance table: each role's medians, labelled."""
    cells = []
    for role in ctx.guide.roles:
        parts = []
        wages = spread_figures(ctx.guide, role["id"])
        own = [f for f in wages if not f.get("proxy")]
        proxies = [f for f in wages if f.get("proxy")]
        if own:
            parts.append("Median wage " + "; ".join(f"{dollars(f['median'])} ({plain(f['period'])})" for f in own) + ".")
        if proxies:
            listed = "; ".join(f"{dollars(f['median'])} for {plain(f['occupation'])}" for f in proxies)
            parts.append(f"No occupation of its own. Proxies' median wages ({_periods(proxies)}): {listed}.")
        for f in survey_figures(ctx.guide, role["id"], "United States"):
            parts.append(f"Survey, US: median total pay {dollars(f['median'])} ({plain(f['label'])}, "
                         f"{respondents_text(f)}, {period_text(f['period'])}).")
        cells.append(f"<td>{' '.join(parts) or '–'}</td>")
    link = href(ctx.page, SALARY_PAGE, SPREAD_ANCHOR)
    return f'<tr><th scope="row"><a href="{link}">Pay</a> <small>(Salary)</small></th>{"".join(cells)}</tr>'


# --- the chart -----------------------------------------------------------------------------------

_WIDTH = 360
_LEFT, _RIGHT = 6, 354
_SIZE = 11  # label font size in the drawing's own units; the stylesheet matches it


def build_pay_chart(ctx: "Context", args: str = "") -> str:
    """`<!-- pay-chart -->` every occupation's range and every survey median; `<!-- pay-chart: small -->`
    the two roles' own figures and proxies only, with US survey medians, for the home page."""
    if args not in ("", "small"):
        raise UnknownName(f"unknown chart size '{args}'; expected <!-- pay-chart --> or <!-- pay-chart: small -->")
    small = args == "small"
    wages = [f for f in spread_figures(ctx.guide) if f.get("role") or not small]
    survey = [f for f in survey_figures(ctx.guide) if not small or (f.get("role") and f["region"] == "United States")]
    chart_id = "fg-pay-chart-small" if small else "fg-pay-chart"
    drawing = pay_chart_svg(ctx.guide, wages, survey, chart_id)
    table_link = href(ctx.page, SALARY_PAGE, SPREAD_ANCHOR)
    if small:  # a short key: the salary page's chart explains the drawing in full
        key = "Bars: 10th to 90th percentile, middle half, median. Hollow dots: survey medians. "
    else:
        key = ("Each bar runs from the 10th to the 90th percentile of annual wages; the band holds the middle half, "
               "and the mark is the median. Hollow dots on dashed lines are survey medians of total pay. ")
    caption = f'{key}<a href="{table_link}">The same figures as tables, with sources</a>.'
    return f'<figure class="fg-chart-figure">\n{drawing}\n<figcaption>{caption}</figcaption>\n</figure>'


def pay_chart_svg(guide: Guide, wages: list[dict], survey: list[dict], chart_id: str) -> str:
    values = [f[k] for f in wages for k in PERCENTILES] + [f["median"] for f in survey]
    low, high = svg.nice_bounds(values, 50_000)
    scale = svg.LinearScale(low, high, _LEFT + 4, _RIGHT - 4)
    body: list[str] = []
    y = _legend(body)
    if wages:
        y = _heading(body, y, f"US employees: wages, BLS, {_periods(wages)}")
        for figure in wages:
            y = _wage_row(body, guide, scale, figure, y)
    if survey:
        y = _heading(body, y + 4, f"Survey: median total pay, {_periods(survey)}")
        for figure in survey:
            y = _survey_row(body, scale, figure, y)
    y = _axis(body, scale, y + 6)
    return svg.root(chart_id, _WIDTH, y + 4, _title(wages, survey), _description(guide, wages, survey), body, "fg-chart")


def _title(wages: list[dict], survey: list[dict]) -> str:
    parts = []
    if wages:
        parts.append(f"Spread of annual wages by occupation, {_periods(wages)}")
    if survey:
        parts.append(f"survey medians of total pay, {_periods(survey)}")
    return ", with ".join(parts)


def _description(guide: Guide, wages: list[dict], survey: list[dict]) -> str:
    sentences = []
    for f in wages:
        whose = _whose(guide, f)
        sentences.append(
            f"{f['occupation']} ({f['soc']}{whose}), {f['period']}: 10th percentile {dollars(f['p10'])}, "
            f"25th {dollars(f['p25'])}, median {dollars(f['median'])}, 75th {dollars(f['p75'])}, "
            f"90th {dollars(f['p90'])}."
        )
    for f in survey:
        sentences.append(f"Survey, {f['label']}, {f['region']}, {period_text(f['period'])}: median total pay "
                         f"{dollars(f['median'])}, {respondents_text(f)}.")
    return " ".join(sentences)


def _whose(guide: Guide, figure: dict) -> str:
    if not figure.get("role"):
        return ""
    role = guide.role(figure["role"])["name"]
    return f", proxy for {role}" if figure.get("proxy") else f", {role}"


def _legend(body: list[str]) -> float:
    y = 14
    body.append(svg.line(_LEFT, y - 4, _LEFT + 18, y - 4, "fg-range"))
    body.append(svg.text(_LEFT + 24, y, "10th–90th percentile", "fg-small"))
    body.append(svg.rect(_LEFT + 150, y - 10, 18, 12, "fg-band"))
    body.append(svg.text(_LEFT + 174, y, "25th–75th", "fg-small"))
    body.append(svg.line(_LEFT + 252, y - 12, _LEFT + 252, y + 4, "fg-median"))
    body.append(svg.text(_LEFT + 260, y, "median", "fg-small"))
    y += 20
    body.append(svg.line(_LEFT, y - 4, _LEFT + 18, y - 4, "fg-survey-line"))
    body.append(svg.circle(_LEFT + 18, y - 4, 4, "fg-survey-dot"))
    body.append(svg.text(_LEFT + 28, y, "survey median: self-reported, not a census", "fg-small"))
    return y + 14


def _heading(body: list[str], y: float, text: str) -> float:
    y += 16
    body.append(svg.text(_LEFT, y, text, "fg-heading"))
    body.append(svg.line(_LEFT, y + 5, _RIGHT, y + 5, "fg-rule"))
    return y + 8


def _wage_row(body: list[str], guide: Guide, scale: svg.LinearScale, f: dict, y: float) -> float:
    y += 16
    body.append(svg.text(_LEFT, y, f["occupation"], "fg-label"))
    y += 14
    body.append(svg.text(_LEFT, y, f"SOC {f['soc']}{_whose(guide, f) or ', for comparison'}", "fg-small"))
    y += 16
    body.append(_value(scale(f["median"]), y, dollars(f["median"]), "fg-value fg-strong"))
    bar = y + 12
    body.append(svg.line(scale(f["p10"]), bar, scale(f["p90"]), bar, "fg-range"))
    body.append(svg.rect(scale(f["p25"]), bar - 6, scale(f["p75"]) - scale(f["p25"]), 12, "fg-band"))
    body.append(svg.line(scale(f["median"]), bar - 9, scale(f["median"]), bar + 9, "fg-median"))
    y = bar + 23
    body.append(_value(scale(f["p25"]), y, dollars(f["p25"]), "fg-value"))
    body.append(_value(scale(f["p75"]), y, dollars(f["p75"]), "fg-value"))
    y += 14
    body.append(_value(scale(f["p10"]), y, dollars(f["p10"]), "fg-value"))
    body.append(_value(scale(f["p90"]), y, dollars(f["p90"]), "fg-value"))
    return y + 4


def _survey_row(body: list[str], scale: svg.LinearScale, f: dict, y: float) -> float:
    y += 16
    body.append(svg.text(_LEFT, y, f"{f['label']}, {f['region']} ({respondents_text(f)})", "fg-label"))
    y += 14
    x = scale(f["median"])
    body.append(svg.line(scale.start, y - 4, x, y - 4, "fg-survey-line"))
    body.append(svg.circle(x, y - 4, 4.5, "fg-survey-dot"))
    label = dollars(f["median"])
    room_right = _RIGHT - (x + 9) >= svg.text_width(label, _SIZE)
    anchor = "start" if room_right else "end"
    body.append(svg.text(x + 9 if room_right else x - 9, y, label, "fg-value fg-strong", anchor))
    return y + 4


def _value(x: float, y: float, label: str, css_class: str) -> str:
    return svg.text(svg.clamp_label(x, label, _SIZE, _LEFT, _RIGHT), y, label, css_class, "middle")


def _axis(body: list[str], scale: svg.LinearScale, y: float) -> float:
    body.append(svg.line(scale.start, y, scale.end, y, "fg-rule"))
    for tick in scale.ticks(50_000):
        x = scale(tick)
        body.append(svg.line(x, y, x, y + 4, "fg-rule"))
        body.append(svg.text(svg.clamp_label(x, "000k", _SIZE, _LEFT, _RIGHT), y + 16,
                             "0" if tick == 0 else f"{int(tick // 1000)}k", "fg-small", "middle"))
    body.append(svg.text(_RIGHT, y + 30, "US dollars a year", "fg-small", "end"))
    return y + 30
