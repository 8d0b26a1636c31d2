"""The tile-grid map: one square per state and DC, coloured by the data scientists' median wage.

Drawn at build time as inline SVG. The squares keep the usual tile-grid layout (Alaska top
left, Hawaii bottom left, Maine top right); the territories sit in a row of their own below.
The fills are CSS classes (docs/assets/extra.css) in three steps from light to dark indigo, each
at least 3:1 against the next (three is the most steps that can be);
a state without a released median gets a hatched square. The states table is the map's text.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core import svg
from ..core.numbers import dollars
from ..model.areas import DATA_SCIENTISTS, STATES_AND_DC, TERRITORIES, Area
from .areas import PERIOD
from .registry import Context, marker

# (row, column) of each state's square.
GRID = {
    "ak": (0, 0), "me": (0, 10),
    "vt": (1, 9), "nh": (1, 10),
    "wa": (2, 0), "id": (2, 1), "mt": (2, 2), "nd": (2, 3), "mn": (2, 4), "il": (2, 5), "wi": (2, 6),
    "mi": (2, 7), "ny": (2, 8), "ri": (2, 9), "ma": (2, 10),
    "or": (3, 0), "nv": (3, 1), "wy": (3, 2), "sd": (3, 3), "ia": (3, 4), "in": (3, 5), "oh": (3, 6),
    "pa": (3, 7), "nj": (3, 8), "ct": (3, 9),
    "ca": (4, 0), "ut": (4, 1), "co": (4, 2), "ne": (4, 3), "mo": (4, 4), "ky": (4, 5), "wv": (4, 6),
    "va": (4, 7), "md": (4, 8), "de": (4, 9),
    "az": (5, 1), "nm": (5, 2), "ks": (5, 3), "ar": (5, 4), "tn": (5, 5), "nc": (5, 6), "sc": (5, 7),
    "dc": (5, 8),
    "ok": (6, 3), "la": (6, 4), "ms": (6, 5), "al": (6, 6), "ga": (6, 7),
    "hi": (7, 0), "tx": (7, 3), "fl": (7, 8),
}
assert set(GRID) == set(STATES_AND_DC), "every state and DC needs a square"

COLUMNS, ROWS = 11, 8
PITCH, TILE = 40, 36  # a square's step and its side; the difference is the gap between squares
MARGIN = 2
# Font sizes in the drawing's units: at a phone's 328 px column the drawing shrinks to about 0.74, and
# 15 units stay at 11 px there.
SIZE = 15  # the state codes
SMALL_SIZE = 15
CODE_DROP = 5  # a square's middle down to its code's baseline
TERRITORY_GAP = 14  # the map's last row to the territories' row
LEGEND_GAP = 24  # the last squares to the legend's first baseline
LEGEND_ROW = 24
SWATCH = 16
STEPS = 3  # each step 3:1 against the next: four would need 27:1 end to end, and 21:1 is the most there is
ROUND_TO = 5_000  # breakpoints are terciles of the states' medians, rounded to this


def median_of(area: Area) -> float | None:
    return area.figure(DATA_SCIENTISTS, "median")


def breakpoints(medians: list[float]) -> list[float]:
    """A breakpoint between each two steps: the terciles, rounded, so each step holds about a third."""
    ordered = sorted(medians)
    cuts = [round(ordered[len(ordered) * i // STEPS] / ROUND_TO) * ROUND_TO for i in range(1, STEPS)]
    return sorted(set(cuts))


def step_of(value: float, cuts: list[float]) -> int:
    return 1 + sum(value >= cut for cut in cuts)


def _thousands(value: float) -> str:
    return f"{value / 1000:,.0f}k"


def step_labels(cuts: list[float]) -> list[str]:
    lows = [None, *cuts]
    highs = [*cuts, None]
    return [f"under {_thousands(high)}" if low is None else f"{_thousands(low)} and over" if high is None
            else f"{_thousands(low)} to {_thousands(high)}" for low, high in zip(lows, highs)]


def _tile(x: float, y: float, area: Area, cuts: list[float]) -> Markup:
    value = median_of(area)
    step = f"fg-area-step-{step_of(value, cuts)}" if value is not None else "fg-area-none"
    said = f"median {dollars(value)}" if value is not None else "median not released"
    square = svg.rect(x, y, TILE, TILE, "fg-area-tile", data_state=area.state)
    code = svg.text(x + TILE / 2, y + TILE / 2 + CODE_DROP, area.state.upper(), "fg-area-code", "middle", SIZE)
    return Markup('<g class="{}"><title>{}: {}</title>{}{}</g>').format(step, area.name, said, square, code)


def _territories(body: list[Markup], areas: dict[str, Area], cuts: list[float], y: float) -> float:
    present = [areas[code] for code in TERRITORIES if code in areas]
    if not present:
        return y
    label = "Territories"
    body.append(svg.text(MARGIN, y + TILE / 2 + CODE_DROP, label, "fg-small", size=SMALL_SIZE))
    x = MARGIN + svg.text_width(label, SMALL_SIZE) + 8
    for area in present:
        body.append(_tile(x, y, area, cuts))
        x += PITCH
    return y + TILE


def _legend(body: list[Markup], cuts: list[float], y: float) -> float:
    def swatch(css_class: str):
        return lambda x, baseline: Markup('<g class="{}">{}</g>').format(
            css_class, svg.rect(x, baseline - SWATCH + 3, SWATCH, SWATCH, "fg-area-tile"))

    body.append(svg.text(MARGIN, y, "Data scientists' median annual wage, US dollars:", "fg-small", size=SMALL_SIZE))
    legend = svg.Legend(MARGIN, y + LEGEND_ROW, SMALL_SIZE, SWATCH)
    for i, label in enumerate(step_labels(cuts), start=1):
        legend.key(swatch(f"fg-area-step-{i}"), label)
    body += legend.body
    last = svg.Legend(MARGIN, y + 2 * LEGEND_ROW, SMALL_SIZE, SWATCH)
    last.key(swatch("fg-area-none"), "not released")
    body += last.body
    return y + 2 * LEGEND_ROW


@marker("area-map")
def area_map(ctx: Context) -> Markup:
    """`<!-- area-map -->`: the states as squares, coloured in three steps of the data scientists' median."""
    areas = {a.state: a for a in ctx.guide.areas.state_rows()}
    medians = [v for code in STATES_AND_DC if code in areas and (v := median_of(areas[code])) is not None]
    cuts = breakpoints(medians)
    body: list[Markup] = []
    for code, (row, column) in GRID.items():
        if code in areas:
            body.append(_tile(MARGIN + column * PITCH, MARGIN + row * PITCH, areas[code], cuts))
    y = _territories(body, areas, cuts, MARGIN + ROWS * PITCH + TERRITORY_GAP)
    y = _legend(body, cuts, y + LEGEND_GAP)
    width, height = 2 * MARGIN + COLUMNS * PITCH, y + 8
    labels = ", ".join(step_labels(cuts))
    title = f"Data scientists' median annual wage by state, {PERIOD}"
    desc = (f"A tile map with one square per state and DC, and the territories below, shaded in {len(cuts) + 1} "
            f"steps ({labels} US dollars); hatched squares have no released median. The table of states "
            "on the same page gives every figure.")
    drawing = svg.root("fg-area-map", width, height, title, desc, body, "fg-area-map")
    return Markup('<figure class="fg-chart-figure fg-area-figure">\n{}\n<figcaption>{} Every state\'s figures, '
                  'with the 10th and 90th percentiles, are in the table of states above: it is this map as text.'
                  '</figcaption>\n</figure>').format(drawing, title + ".")
