"""Pay by state and metro area: the tables, the look-up's data, and area figures inside a sentence.

Every figure comes from data/pay-areas.csv through `guide.areas` (checked when the data loads);
a figure BLS did not release is shown as "not released", never as a blank or a zero.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..core.errors import MarkerError, unknown
from ..core.markup import cells, fold, plain, table
from ..core.numbers import count, dollars
from ..model.areas import DATA_SCIENTISTS, RESEARCH_SCIENTISTS, SOFTWARE_DEVELOPERS, TOP_CODED_AT, Area
from .common import fitted, sources_note
from .registry import Context, inline, marker
from .tools import inline_data

SOURCE = "bls-oews-areas-may2025"
PERIOD = "May 2025"
TOP_METROS = 25
NONE = "–"  # a measure BLS has no series for here
NOT_RELEASED = Markup('<span class="fg-not-released">not released</span>')
# The occupations the tables and the look-up show, in column order: (code, short name, counts for).
OCCUPATIONS = (
    (DATA_SCIENTISTS, "Data scientists", "Data scientist"),
    (SOFTWARE_DEVELOPERS, "Software developers", "ML engineer proxy"),
    (RESEARCH_SCIENTISTS, "Computer and information research scientists", "ML engineer proxy"),
)
HEADERS = [
    "Data scientists (15-2051): employees", "Jobs per 1,000", "10th percentile", "Median", "90th percentile",
    "Software developers (15-1252, ML engineer proxy): median",
    "Computer and information research scientists (15-1221, ML engineer proxy): median",
]


def state_anchor(area: Area) -> str:
    return f"state-{area.state}"


def _cell(area: Area, soc: str, measure: str) -> Markup:
    """A figure as text; "not released" when BLS withheld it, or has no figures for the occupation
    there at all; a dash for a measure BLS does not publish for such an area (the nation's jobs per 1,000)."""
    value = area.figure(soc, measure)
    if value is None:
        return Markup(NONE) if area.has(soc) and (soc, measure) not in area.values else NOT_RELEASED
    if measure == "employment":
        return plain(count(value))
    return plain(f"{value:,.3f}") if measure == "jobs_per_1000" else plain(dollars(value))


def figure_cells(area: Area) -> Markup:
    """The table's cells for one area, in HEADERS order."""
    ds = DATA_SCIENTISTS
    return cells([*(_cell(area, ds, m) for m in ("employment", "jobs_per_1000", "p10", "median", "p90")),
                  _cell(area, SOFTWARE_DEVELOPERS, "median"), _cell(area, RESEARCH_SCIENTISTS, "median")])


def _area_row(area: Area, anchor: str = "") -> Markup:
    row_id = Markup(' id="{}"').format(anchor) if anchor else Markup("")
    return Markup('<tr{}><th scope="row">{}</th>{}</tr>').format(row_id, plain(area.name), figure_cells(area))


def _national_row(ctx: Context) -> Markup:
    nation = ctx.guide.areas.nation
    if nation is None:
        raise MarkerError("pay-areas.csv has no national rows")
    return Markup('<tr class="fg-national"><th scope="row">United States, for comparison</th>{}</tr>').format(
        figure_cells(nation))


def _source(ctx: Context) -> Markup:
    return sources_note(ctx, [SOURCE], "Source", f". Annual wages of employees, all industries, {PERIOD}.")


@marker("area-states")
def area_states(ctx: Context) -> Markup:
    """`<!-- area-states -->`: a row per state, DC and territory, each with its own `#state-xx` anchor."""
    rows = [_national_row(ctx), *(_area_row(a, state_anchor(a)) for a in ctx.guide.areas.state_rows())]
    caption = f"Pay and employment by state, DC and territory, {PERIOD} (the map's figures as a table)"
    return fitted(table(caption, ["State, DC or territory", *HEADERS], rows), "fg-area-table") + Markup("\n") + _source(ctx)


@marker("area-metros")
def area_metros(ctx: Context) -> Markup:
    """`<!-- area-metros -->`: the metro areas with the most data scientists."""
    metros = ctx.guide.areas.top_metros(TOP_METROS)
    if not metros:
        raise MarkerError("pay-areas.csv has no metro area with data scientists counted")
    rows = [_national_row(ctx), *(_area_row(a) for a in metros)]
    caption = f"The {len(metros)} metropolitan areas with the most data scientists, {PERIOD}"
    return fitted(table(caption, ["Metropolitan area", *HEADERS], rows), "fg-area-table") + Markup("\n") + _source(ctx)


# --- the look-up ----------------------------------------------------------------------------------


def _figures(area: Area) -> dict:
    """What the look-up shows for one area: each occupation's 10th, 50th and 90th percentile."""
    return {soc: [area.figure(soc, k) for k in ("p10", "median", "p90")] for soc, _, _ in OCCUPATIONS}


def lookup_data(ctx: Context) -> dict:
    areas = ctx.guide.areas
    choices = [*areas.state_rows(), *sorted(areas.metro_rows(), key=lambda a: a.name)]
    return {
        "period": PERIOD,
        "occupations": [{"soc": soc, "name": name, "role": role} for soc, name, role in OCCUPATIONS],
        "nation": _figures(areas.nation) if areas.nation else {},
        "areas": [{"name": fold(a.name), "kind": "state" if a.state else "metro", "figures": _figures(a)}
                  for a in choices],
    }


_LOOKUP_FORM = Markup(
    '<div class="fg-tool fg-area-lookup" hidden>\n'
    '<p><label class="fg-label" for="fg-area-choice">State or metropolitan area</label><br>\n'
    '<input id="fg-area-choice" class="fg-area-choice" list="fg-area-list" autocomplete="off" spellcheck="false">\n'
    '<datalist id="fg-area-list"></datalist></p>\n'
    '<div class="fg-result fg-area-result" aria-live="polite"></div>\n'
    "</div>\n"
    '<p class="fg-needs-script"><em>The look-up needs JavaScript, which is off or blocked here. '
    "The tables above give the same figures.</em></p>"
)


@marker("area-lookup")
def area_lookup(ctx: Context) -> Markup:
    """`<!-- area-lookup -->`: a form (hidden until its script starts) and every area's figures, read on first use."""
    return _LOOKUP_FORM + Markup("\n") + inline_data("fieldguideAreas", lookup_data(ctx), on_demand=True)


# --- in a sentence --------------------------------------------------------------------------------

# <!--area:ca.15-2051.median--> one state's figure; <!--area:top-code--> the wage BLS top-codes at.
AREA_FIGURE = re.compile(r"<!--area:(?:(?P<state>[a-z]{2})\.(?P<soc>\d\d-\d{4})\.(?P<measure>[a-z0-9_]+)|(?P<top>top-code))-->")
AREA_MEASURES = ("employment", "p10", "p25", "median", "p75", "p90", "mean")


@inline(AREA_FIGURE)
def area_figure(ctx: Context, match: re.Match) -> Markup:
    if match["top"]:
        return plain(dollars(TOP_CODED_AT))
    states = {a.state: a for a in ctx.guide.areas.state_rows()}
    if match["state"] not in states:
        raise MarkerError(unknown("state", match["state"], states))
    if match["measure"] not in AREA_MEASURES:
        raise MarkerError(unknown("area measure", match["measure"], AREA_MEASURES))
    value = states[match["state"]].figure(match["soc"], match["measure"])
    if value is None:
        raise MarkerError(f"{match['state']} has no released {match['measure']} for {match['soc']}")
    return plain(count(value) if match["measure"] == "employment" else dollars(value))

