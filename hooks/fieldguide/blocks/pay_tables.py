"""Pay as tables and words: wage spreads and trends, survey medians, outlook, codes abroad, inline figures.

The figures are checked against the verified extract when the data loads (model/check_pay.py);
here they only become text (core/numbers.py) and markup. Every data string is escaped once,
where it enters markup: periods and occupations in captions included.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..core.errors import MarkerError, unknown
from ..core.markup import joined, link, plain, rich, row, table
from ..core.numbers import count, dollars, figure_text, period_key, period_text, periods_text, respondents_text, rounded_note, whole_dollars
from ..core.pages import PAY_BY_AREA, PAY_SPREAD, SALARY
from ..model.extract import PERCENTILES, WAGE_MEASURES
from ..model.guide import Guide
from .common import fitted, source_link, sources_note
from .registry import Context, inline, marker

NONE = "–"  # a cell with no figure
US = "United States"  # the survey region the home page and the glance row show


# --- selections ---------------------------------------------------------------------------------


def spread_figures(guide: Guide, role_id: str = "") -> list[dict]:
    """Wage figures with the whole distribution: one per occupation, its newest release."""
    figures = [f for f in guide.wages if all(k in f for k in PERCENTILES)]
    return [f for f in figures if f.get("role") == role_id] if role_id else figures


def survey_figures(guide: Guide, role_id: str = "", region: str = "") -> list[dict]:
    return [f for f in guide.survey
            if (not role_id or f.get("role") == role_id) and (not region or f["region"] == region)]


def periods_of(figures: list[dict]) -> str:
    """The figures' periods as one phrase: plain text, escaped where it enters markup."""
    return periods_text([f["period"] for f in figures])


def _role_id(role: dict | None) -> str:
    return role["id"] if role else ""


# --- cells every table shares -------------------------------------------------------------------


def _counts_for(ctx: Context, figure: dict) -> Markup:
    """Whose figure it is: a proxy, a survey answer, or a code that may take in other jobs too."""
    if not figure.get("role"):
        return Markup("Comparison only")
    role = ctx.guide.role(figure["role"])["name"]
    if figure.get("proxy"):
        return Markup('<span class="fg-proxy">Proxy for {}</span>').format(plain(role))
    if "soc" not in figure:  # a survey figure: the respondents named their own role
        return Markup("{}, self-reported").format(plain(role))
    if figure.get("also_counts"):
        return Markup("{} (SOC {}, which also counts {})").format(plain(role), figure["soc"], figure["also_counts"])
    return Markup("{} (SOC {})").format(plain(role), figure["soc"])


def _occupation(figure: dict) -> Markup:
    return Markup("{} <small>({})</small>").format(plain(figure["occupation"]), plain(figure["soc"]))


def _note(figure: dict) -> Markup:
    return Markup("<br><small>{}</small>").format(rich(figure["note"])) if figure.get("note") else Markup("")


def _scope(ctx: Context) -> Markup:
    """What the wages cover: said in full on the salary page, linked from everywhere else."""
    if ctx.page == SALARY.page:
        return Markup('<p class="fg-scope">{}</p>').format(rich(ctx.guide.pay_scope))
    return Markup('<p class="fg-scope">US employees\' wages: {}.</p>').format(ctx.link(PAY_SPREAD, "what they leave out"))


# --- tables -------------------------------------------------------------------------------------


@marker("pay-spread", arg="ROLE", optional=True)
def pay_spread(ctx: Context, role: dict | None = None) -> Markup:
    """`<!-- pay-spread -->`: each occupation's wage distribution, with its code, period and source."""
    figures = spread_figures(ctx.guide, _role_id(role))
    if not figures:
        raise MarkerError("the data file has no wage percentiles for this role")
    several = len({f["period"] for f in figures}) > 1  # the caption names them; each row then says its own
    rows = [row(_occupation(f) + (Markup(", {}").format(f["period"]) if several else ""), [
        _counts_for(ctx, f) + _note(f), count(f["employment"]) if "employment" in f else NONE,
        *(whole_dollars(f[k]) for k in PERCENTILES), whole_dollars(f["mean"]) if "mean" in f else NONE,
    ]) for f in figures]
    headers = ["Occupation (SOC code)", "Counts for", "Employees", "10th percentile", "25th percentile", "Median",
               "75th percentile", "90th percentile", "Mean"]
    caption = f"Annual wages of US employees by percentile, {periods_of(figures)}"
    values = [f[k] for f in figures for k in (*PERCENTILES, "mean") if k in f]
    return joined([_scope(ctx), fitted(table(caption, headers, rows)), _sources(ctx, figures, values)], "\n")


@marker("pay-trend", arg="ROLE", optional=True)
def pay_trend(ctx: Context, role: dict | None = None) -> Markup:
    """`<!-- pay-trend -->`: the median of each occupation with more than one release, release by release."""
    by_code: dict[str, list[dict]] = {}
    for f in ctx.guide.wages:
        by_code.setdefault(f["soc"], []).append(f)
    series = [fs for fs in by_code.values() if len(fs) > 1 and (not role or fs[0].get("role") == role["id"])]
    if not series:
        raise MarkerError("the data file has no occupation with more than one release")
    releases = [f for fs in series for f in fs]
    periods = sorted({f["period"] for f in releases}, key=period_key)
    source_of = {f["period"]: f["source"] for f in releases}
    rows = []
    for fs in series:
        median_in = {f["period"]: whole_dollars(f["median"]) for f in fs}
        rows.append(row(_occupation(fs[0]), [_counts_for(ctx, fs[0]), *(median_in.get(p, NONE) for p in periods)]))
    links = joined([source_link(ctx, source_of[p], p) for p in periods])
    rounded = rounded_note([f["median"] for f in releases])
    return (table(f"Median annual wage, {periods_of(releases)}", ["Occupation (SOC code)", "Counts for", *periods], rows)
            + Markup('\n<p class="fg-sources">Sources, one BLS release each: {}{}</p>').format(
                links, f". {rounded}" if rounded else ""))


@marker("pay-survey", arg="ROLE", optional=True)
def pay_survey(ctx: Context, role: dict | None = None) -> Markup:
    """`<!-- pay-survey -->`: the survey's medians by role, US and worldwide, each with its respondents."""
    figures = survey_figures(ctx.guide, _role_id(role))
    if not figures:
        raise MarkerError("the data file has no survey figures for this role")
    regions = list(dict.fromkeys(f["region"] for f in figures))
    by_label: dict[str, dict[str, dict]] = {}
    for f in figures:
        by_label.setdefault(f["label"], {}).setdefault(f["region"], f)
    rows = []
    for label, in_region in by_label.items():
        first = next(iter(in_region.values()))
        medians = [_survey_median(in_region[r]) if r in in_region else NONE for r in regions]
        rows.append(row(plain(label), [_counts_for(ctx, {**first, "proxy": False}), *medians]))
    headers = ["Role, as respondents chose it", "Counts for", *(f"{r}: median (respondents)" for r in regions)]
    caption = f"Median total annual pay in US dollars, survey of {periods_of(figures)}"
    return table(caption, headers, rows) + Markup("\n") + _sources(ctx, figures, [f["median"] for f in figures])


def _survey_median(figure: dict) -> Markup:
    return Markup("{} <small>({})</small>").format(whole_dollars(figure["median"]), respondents_text(figure["respondents"]))


def _sources(ctx: Context, figures: list[dict], values: list[float]) -> Markup:
    """The note under a table: its sources, once each, and whether any figure was rounded.
    The salary page names each release in full; elsewhere the publisher is enough (the caption
    gives the period, and the link leads to the full title: one long title on every page is noise)."""
    ids = list(dict.fromkeys(f["source"] for f in figures))
    rounded = rounded_note(values)
    publishers = {s: ctx.guide.source(s)["publisher"] for s in ids}
    short = ctx.page != SALARY.page and len(set(publishers.values())) == len(ids)  # names that still tell them apart
    labels = publishers if short else {}
    return sources_note(ctx, ids, lead="Source" if len(ids) == 1 else "Sources", end=f". {rounded}" if rounded else "",
                        labels=labels)


@marker("outlook", arg="ROLE", optional=True)
def outlook(ctx: Context, role: dict | None = None) -> Markup:
    """`<!-- outlook -->`: jobs, projections and entry-level education, as the handbook pages state them."""
    figures = [f for f in ctx.guide.outlook if not role or f["role"] == role["id"]]
    if not figures:
        raise MarkerError("the data file has no outlook figures for this role")
    rows = [row(_occupation(f), [_counts_for(ctx, f) + _note(f), plain(f["measure"]), plain(f["value"]),
                                 plain(f["period"]), source_link(ctx, f["source"])]) for f in figures]
    headers = ["Occupation (SOC code)", "Counts for", "Measure", "Value", "Period", "Source"]
    return table("Jobs, projections and entry-level education", headers, rows)


@marker("salary", arg="ROLE")
def salary(ctx: Context, role: dict) -> Markup:
    """`<!-- salary: ROLE -->`: one role's wage spread and survey medians, for its role page."""
    parts = [pay_spread(ctx, role)]
    if survey_figures(ctx.guide, role["id"]):
        parts.append(pay_survey(ctx, role))
    return joined(parts, "\n")


@marker("pay-abroad")
def pay_abroad(ctx: Context) -> Markup:
    """`<!-- pay-abroad -->`: the classification each country or region uses, and where its pay statistics are."""
    rows = []
    for entry in ctx.guide.abroad:
        url = ctx.guide.source(entry["source"]).get("url")
        name = Markup("{} {}").format(plain(entry["code"]), plain(entry["title"]))
        code = link(url, name) if url else name
        cells = [Markup("{}<br>{}").format(plain(entry["system"]), code), rich(entry["covers"]), rich(entry["where"])]
        rows.append(row(plain(entry["region"]), cells))
    headers = ["Where", "Classification and code", "What the code covers", "Where to look for pay"]
    return table("Occupation codes outside the US", headers, rows)


# --- inline figures -----------------------------------------------------------------------------

INLINE = re.compile(r"<!--fig:(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?P<key>[a-z0-9]+))?-->")
INLINE_KEYS = (*WAGE_MEASURES, "respondents", "period")


@inline(INLINE)
def inline_figure(ctx: Context, match: re.Match) -> Markup:
    """`<!--fig:ID.KEY-->` inside a sentence: one figure as text (KEY defaults to the median)."""
    figure = ctx.guide.figure(match["id"])
    key = match["key"] or "median"
    if key not in INLINE_KEYS:
        raise MarkerError(unknown("figure part", key, INLINE_KEYS))
    if key not in figure:
        raise MarkerError(f"figure '{match['id']}' has no {key}")
    return plain(period_text(figure["period"]) if key == "period" else figure_text(key, figure[key]))


# --- at a glance --------------------------------------------------------------------------------


def glance_row(ctx: Context) -> Markup:
    """The pay row of the home page's at-a-glance table: each role's medians, labelled."""
    header = ctx.link(PAY_SPREAD, "Pay") + Markup(" <small>(Salary)</small>")
    return row(header, [_glance_cell(ctx, role["id"]) or NONE for role in ctx.guide.roles])


def _glance_cell(ctx: Context, role_id: str) -> Markup:
    wages = spread_figures(ctx.guide, role_id)
    own = [f for f in wages if not f.get("proxy")]
    proxies = [f for f in wages if f.get("proxy")]
    parts = []
    if own:
        medians = joined([Markup("{} ({})").format(dollars(f["median"]), plain(f["period"])) for f in own], "; ")
        parts.append(Markup("Median wage {}.").format(medians))
    if proxies:
        medians = joined([Markup("{} for {}").format(dollars(f["median"]), plain(f["occupation"])) for f in proxies], "; ")
        parts.append(Markup("No occupation of its own. Proxies' median wages ({}): {}.").format(periods_of(proxies), medians))
    for f in survey_figures(ctx.guide, role_id, US):
        parts.append(Markup("Survey, US: median total pay {} ({}, {}, {}).").format(
            dollars(f["median"]), plain(f["label"]), respondents_text(f["respondents"]), period_text(f["period"])))
    if parts:  # the figures above are national: say where each state's and metro area's are
        parts.append(Markup("By state and metro area: {}.").format(ctx.link(PAY_BY_AREA, "pay by area")))
    return joined(parts, " ")
