"""The pay chart: each occupation's wage range and each survey median, drawn at build time as inline SVG.

Two drawings of the same figures: a narrow one for phones (labels above each bar) and a wide
one for larger screens and print (labels in a column left of the bars); the stylesheet shows
one. Top to bottom each runs: a legend, the wage panel between two dollar axes, then the
survey panel with an axis of its own, so survey pay is never read against census wages.
Every vertical step is a named constant below; the row drawers are in pay_chart_rows.py.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core import svg
from ..core.numbers import period_text, respondents_text, rounded_note, whole_dollars
from ..core.pages import PAY_SPREAD
from ..model.extract import PERCENTILES
from ..model.guide import Guide
from .pay_chart_rows import BAND_HALF, LINE, MEDIAN_HALF, MIDLINE, NARROW, ROW, WIDE, Frame, survey_row, wage_row, whose
from .pay_tables import US, periods_of, spread_figures, survey_figures
from .registry import Context, marker

TICK_STEP = 50_000  # dollars between axis ticks

# Vertical steps, from one baseline (or line) to the next thing drawn.
LEGEND_TOP = 14  # the first legend row's baseline
LEGEND_ROW = 20  # one legend row to the next
SWATCH = 18  # a legend swatch's width
SURVEY_SWATCH = SWATCH + 4  # the survey swatch: a line ending in a dot
LEGEND_DOT_RADIUS = 4
HEADING_RULE = 5  # a heading's baseline to the rule under it
AFTER_HEADING = 8
SECTION_GAP = 10  # extra space above the survey panel
AFTER_NOTE = 4  # the survey panel's note to its gridlines' top
AXIS_ABOVE = 18  # a heading's rule to the axis over the bars: room for its tick labels
AXIS_GAP = 6  # the last row to the axis under it
TICK = 4
TICK_LABEL = 14  # an axis line to its tick labels' baseline, when they are under it
LABEL_ABOVE = 5  # the same when they are over it
AXIS_TITLE = 28  # an axis to its title's baseline
BOTTOM = 4

SURVEY_APART = "Its own axis: not to be ranked with the wages."

# The small chart's key is short: the salary page's chart explains the drawing in full.
SMALL_KEY = "Bars: 10th to 90th percentile, middle half, median. Hollow dots: survey medians, on their own axis. "
FULL_KEY = ("Each bar runs from the 10th to the 90th percentile of annual wages; the band holds the middle half, "
            "and the mark is the median. Hollow dots on dashed lines are survey medians of total pay, "
            "drawn against an axis of their own. ")


@marker("pay-chart", arg="SIZE", choices=("small",), optional=True)
def pay_chart(ctx: Context, size: str = "") -> Markup:
    """`<!-- pay-chart -->` every occupation's range and every survey median; `<!-- pay-chart: small -->`
    the two roles' own figures and proxies only, with US survey medians, for the home page."""
    small = size == "small"
    wages = [f for f in spread_figures(ctx.guide) if f.get("role") or not small]
    survey = [f for f in survey_figures(ctx.guide) if not small or (f.get("role") and f["region"] == US)]
    chart_id = "fg-pay-chart-small" if small else "fg-pay-chart"
    narrow = pay_chart_svg(ctx.guide, wages, survey, chart_id, NARROW)
    wide = pay_chart_svg(ctx.guide, wages, survey, f"{chart_id}-wide", WIDE)
    rounded = _rounded(wages, survey)
    tables = ctx.link(PAY_SPREAD, "The same figures as tables, with sources")
    return Markup('<figure class="fg-chart-figure fg-pay-figure fg-switch">\n<div class="fg-narrow">{}</div>\n'
                  '<div class="fg-wide">{}</div>\n<figcaption>{}{}.{}</figcaption>\n</figure>').format(
        narrow, wide, SMALL_KEY if small else FULL_KEY, tables, f" {rounded}" if rounded else "")


def pay_chart_svg(guide: Guide, wages: list[dict], survey: list[dict], chart_id: str, frame: Frame = NARROW) -> Markup:
    body: list[Markup] = []
    y = _legend(body, frame)
    if wages:
        y = _wage_panel(body, guide, frame, wages, y)
    if survey:
        y = _survey_panel(body, frame, survey, y + SECTION_GAP)
    return svg.root(chart_id, frame.width, y + BOTTOM, _title(wages, survey), _description(guide, wages, survey),
                    body, frame.css_class)


def _title(wages: list[dict], survey: list[dict]) -> str:
    parts = []
    if wages:
        parts.append(f"Spread of annual wages by occupation, {periods_of(wages)}")
    if survey:
        parts.append(f"survey medians of total pay on an axis of their own, {periods_of(survey)}")
    return ", with ".join(parts)


def _description(guide: Guide, wages: list[dict], survey: list[dict]) -> str:
    """Every figure the drawing shows, as sentences (plain text: svg.root escapes it)."""
    d = whole_dollars
    sentences = [
        f"{f['occupation']} ({f['soc']}{whose(guide, f)}), {f['period']}: 10th percentile {d(f['p10'])}, "
        f"25th {d(f['p25'])}, median {d(f['median'])}, 75th {d(f['p75'])}, 90th {d(f['p90'])}."
        for f in wages
    ]
    sentences += [f"Survey, {f['label']}, {f['region']}, {period_text(f['period'])}: median total pay "
                  f"{d(f['median'])}, {respondents_text(f['respondents'])}." for f in survey]
    rounded = _rounded(wages, survey)
    return " ".join(sentences + ([rounded] if rounded else []))


def _rounded(wages: list[dict], survey: list[dict]) -> str:
    """The note the caption and the description end with when a figure shown had cents."""
    return rounded_note([f[k] for f in wages for k in PERCENTILES] + [f["median"] for f in survey])


# --- the parts, top to bottom; each appends to body and returns the y it reached ----------------


def _legend(body: list[Markup], frame: Frame) -> float:
    wages = svg.Legend(frame.left, LEGEND_TOP, frame.small, SWATCH)
    wages.key(lambda x, y: svg.line(x, y - MIDLINE, x + SWATCH, y - MIDLINE, "fg-range"), "10th–90th percentile")
    wages.key(lambda x, y: svg.rect(x, y - MIDLINE - BAND_HALF, SWATCH, 2 * BAND_HALF, "fg-band"), "25th–75th")
    wages.key(lambda x, y: svg.line(x + SWATCH / 2, y - MIDLINE - MEDIAN_HALF, x + SWATCH / 2, y - MIDLINE + MEDIAN_HALF,
                                    "fg-median"), "median")
    survey = svg.Legend(frame.left, LEGEND_TOP + LEGEND_ROW, frame.small, SURVEY_SWATCH)
    survey.key(lambda x, y: svg.line(x, y - MIDLINE, x + SWATCH, y - MIDLINE, "fg-survey-line")
               + svg.circle(x + SWATCH, y - MIDLINE, LEGEND_DOT_RADIUS, "fg-survey-dot"),
               "survey median: self-reported, not a census")
    body += wages.body + survey.body
    return survey.y + LINE


def _wage_panel(body: list[Markup], guide: Guide, frame: Frame, wages: list[dict], y: float) -> float:
    """The wages between an axis above and one below, with a gridline at every tick between them."""
    scale = frame.scale([f[k] for f in wages for k in PERCENTILES], TICK_STEP)
    y = _heading(body, frame, y, f"US employees: wages, BLS, {periods_of(wages)}")
    top = _axis(body, frame, scale, y + AXIS_ABOVE, above=True)
    grid_at, y = len(body), top
    for figure in wages:
        y = wage_row(body, guide, frame, scale, figure, y)
    body[grid_at:grid_at] = _grid(scale, top, y + AXIS_GAP)  # behind the bars
    return _axis(body, frame, scale, y + AXIS_GAP)


def _survey_panel(body: list[Markup], frame: Frame, survey: list[dict], y: float) -> float:
    """The survey medians, on a scale of their own and an axis of their own."""
    scale = frame.scale([f["median"] for f in survey], TICK_STEP)
    y = _heading(body, frame, y, f"Survey: median total pay, {periods_of(survey)}")
    y += LINE
    body.append(svg.text(frame.left, y, SURVEY_APART, "fg-small"))
    y += AFTER_NOTE
    top, grid_at = y, len(body)
    for figure in survey:
        y = survey_row(body, frame, scale, figure, y)
    body[grid_at:grid_at] = _grid(scale, top, y + AXIS_GAP)
    return _axis(body, frame, scale, y + AXIS_GAP)


def _heading(body: list[Markup], frame: Frame, y: float, title: str) -> float:
    y += ROW
    body.append(svg.text(frame.left, y, title, "fg-heading"))
    body.append(svg.line(frame.left, y + HEADING_RULE, frame.right, y + HEADING_RULE, "fg-rule"))
    return y + AFTER_HEADING


def _grid(scale: svg.LinearScale, top: float, bottom: float) -> list[Markup]:
    return [svg.line(scale(tick), top, scale(tick), bottom, "fg-grid") for tick in scale.ticks(TICK_STEP)]


def _axis(body: list[Markup], frame: Frame, scale: svg.LinearScale, y: float, above: bool = False) -> float:
    """A dollar axis at y: over the bars, its tick labels above it; under them, its labels and title below."""
    body.append(svg.line(scale.start, y, scale.end, y, "fg-rule"))
    label_y = y - LABEL_ABOVE if above else y + TICK_LABEL
    for tick in scale.ticks(TICK_STEP):
        x = scale(tick)
        body.append(svg.line(x, y, x, y + (-TICK if above else TICK), "fg-rule"))
        label = "0" if tick == 0 else f"{int(tick // 1000)}k"
        # Every tick label is placed as if it were as wide as the widest ("250k"), so they stay evenly spaced.
        body.append(svg.text(svg.clamp_label(x, "000k", frame.small, frame.left, frame.right), label_y, label,
                             "fg-small", "middle"))
    if above:
        return y
    body.append(svg.text(frame.right, y + AXIS_TITLE, "US dollars a year", "fg-small", "end"))
    return y + AXIS_TITLE
