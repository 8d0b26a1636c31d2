"""The pay chart: each occupation's wage range and each survey median, drawn at build time as inline SVG.

The drawing runs top to bottom: a legend, the wage rows under their heading, the survey
rows under theirs, then the dollar axis. Every vertical step is a named constant below.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core import svg
from ..core.numbers import dollars, period_text, respondents_text
from ..core.pages import PAY_SPREAD
from ..model.extract import PERCENTILES
from ..model.guide import Guide
from .pay_tables import US, periods_of, spread_figures, survey_figures
from .registry import Context, marker

WIDTH = 360
LEFT, RIGHT = 6, 354  # the drawing's margins
SIZE = 11  # label font size in the drawing's own units; the stylesheet matches it
SMALL_SIZE = 10.5  # .fg-small in the stylesheet: the legend and the axis
SCALE_INSET = 4  # keeps a bar's end off the margin
TICK_STEP = 50_000  # dollars between axis ticks

# Vertical steps, from one baseline (or bar) to the next thing drawn.
LINE = 14  # one line of text to the next
ROW = 16  # the last thing drawn to a row's first label
MIDLINE = 4  # a baseline up to the middle of its text: where swatches, survey lines and dots sit
LEGEND_TOP = 14  # the first legend row's baseline
LEGEND_ROW = 20  # one legend row to the next
SWATCH = 18  # a legend swatch's width
SURVEY_SWATCH = SWATCH + 4  # the survey swatch: a line ending in a dot
HEADING_RULE = 5  # a heading's baseline to the rule under it
AFTER_HEADING = 8
SECTION_GAP = 4  # extra space above the survey heading
BAR_DROP = 12  # the median's label to the bar's middle
BAND_HALF = 6  # half the height of the middle-half band
MEDIAN_HALF = 9  # half the height of the median mark
BELOW_BAR = 23  # the bar's middle to the quartiles' labels
AFTER_ROW = 4
DOT_RADIUS, LEGEND_DOT_RADIUS = 4.5, 4
DOT_LABEL_GAP = 9  # a survey dot's centre to its label
AXIS_GAP = 6  # the last row to the axis
TICK = 4
TICK_LABEL = 16  # the axis to the tick labels' baseline
AXIS_TITLE = 30  # the axis to its title's baseline
BOTTOM = 4

# The small chart's key is short: the salary page's chart explains the drawing in full.
SMALL_KEY = "Bars: 10th to 90th percentile, middle half, median. Hollow dots: survey medians. "
FULL_KEY = ("Each bar runs from the 10th to the 90th percentile of annual wages; the band holds the middle half, "
            "and the mark is the median. Hollow dots on dashed lines are survey medians of total pay. ")


@marker("pay-chart", arg="SIZE", choices=("small",), optional=True)
def pay_chart(ctx: Context, size: str = "") -> Markup:
    """`<!-- pay-chart -->` every occupation's range and every survey median; `<!-- pay-chart: small -->`
    the two roles' own figures and proxies only, with US survey medians, for the home page."""
    small = size == "small"
    wages = [f for f in spread_figures(ctx.guide) if f.get("role") or not small]
    survey = [f for f in survey_figures(ctx.guide) if not small or (f.get("role") and f["region"] == US)]
    drawing = pay_chart_svg(ctx.guide, wages, survey, "fg-pay-chart-small" if small else "fg-pay-chart")
    tables = ctx.link(PAY_SPREAD, "The same figures as tables, with sources")
    return Markup('<figure class="fg-chart-figure">\n{}\n<figcaption>{}{}.</figcaption>\n</figure>').format(
        drawing, SMALL_KEY if small else FULL_KEY, tables)


def pay_chart_svg(guide: Guide, wages: list[dict], survey: list[dict], chart_id: str) -> Markup:
    values = [f[k] for f in wages for k in PERCENTILES] + [f["median"] for f in survey]
    scale = svg.LinearScale(*svg.nice_bounds(values, TICK_STEP), LEFT + SCALE_INSET, RIGHT - SCALE_INSET)
    body: list[Markup] = []
    y = _legend(body)
    if wages:
        y = _heading(body, y, f"US employees: wages, BLS, {periods_of(wages)}")
        for figure in wages:
            y = _wage_row(body, guide, scale, figure, y)
    if survey:
        y = _heading(body, y + SECTION_GAP, f"Survey: median total pay, {periods_of(survey)}")
        for figure in survey:
            y = _survey_row(body, scale, figure, y)
    y = _axis(body, scale, y + AXIS_GAP)
    return svg.root(chart_id, WIDTH, y + BOTTOM, _title(wages, survey), _description(guide, wages, survey), body, "fg-chart")


def _title(wages: list[dict], survey: list[dict]) -> str:
    parts = []
    if wages:
        parts.append(f"Spread of annual wages by occupation, {periods_of(wages)}")
    if survey:
        parts.append(f"survey medians of total pay, {periods_of(survey)}")
    return ", with ".join(parts)


def _description(guide: Guide, wages: list[dict], survey: list[dict]) -> str:
    """Every figure the drawing shows, as sentences (plain text: svg.root escapes it)."""
    sentences = [
        f"{f['occupation']} ({f['soc']}{_whose(guide, f)}), {f['period']}: 10th percentile {dollars(f['p10'])}, "
        f"25th {dollars(f['p25'])}, median {dollars(f['median'])}, 75th {dollars(f['p75'])}, 90th {dollars(f['p90'])}."
        for f in wages
    ]
    sentences += [f"Survey, {f['label']}, {f['region']}, {period_text(f['period'])}: median total pay "
                  f"{dollars(f['median'])}, {respondents_text(f['respondents'])}." for f in survey]
    return " ".join(sentences)


def _whose(guide: Guide, figure: dict) -> str:
    if not figure.get("role"):
        return ""
    role = guide.role(figure["role"])["name"]
    return f", proxy for {role}" if figure.get("proxy") else f", {role}"


# --- the parts, top to bottom; each appends to body and returns the y it reached ----------------


def _legend(body: list[Markup]) -> float:
    wages = svg.Legend(LEFT, LEGEND_TOP, SMALL_SIZE, SWATCH)
    wages.key(lambda x, y: svg.line(x, y - MIDLINE, x + SWATCH, y - MIDLINE, "fg-range"), "10th–90th percentile")
    wages.key(lambda x, y: svg.rect(x, y - MIDLINE - BAND_HALF, SWATCH, 2 * BAND_HALF, "fg-band"), "25th–75th")
    wages.key(lambda x, y: svg.line(x + SWATCH / 2, y - MIDLINE - MEDIAN_HALF, x + SWATCH / 2, y - MIDLINE + MEDIAN_HALF,
                                    "fg-median"), "median")
    survey = svg.Legend(LEFT, LEGEND_TOP + LEGEND_ROW, SMALL_SIZE, SURVEY_SWATCH)
    survey.key(lambda x, y: svg.line(x, y - MIDLINE, x + SWATCH, y - MIDLINE, "fg-survey-line")
               + svg.circle(x + SWATCH, y - MIDLINE, LEGEND_DOT_RADIUS, "fg-survey-dot"),
               "survey median: self-reported, not a census")
    body += wages.body + survey.body
    return survey.y + LINE


def _heading(body: list[Markup], y: float, title: str) -> float:
    y += ROW
    body.append(svg.text(LEFT, y, title, "fg-heading"))
    body.append(svg.line(LEFT, y + HEADING_RULE, RIGHT, y + HEADING_RULE, "fg-rule"))
    return y + AFTER_HEADING


def _wage_row(body: list[Markup], guide: Guide, scale: svg.LinearScale, f: dict, y: float) -> float:
    y += ROW
    body.append(svg.text(LEFT, y, f["occupation"], "fg-label"))
    y += LINE
    body.append(svg.text(LEFT, y, f"SOC {f['soc']}{_whose(guide, f) or ', for comparison'}", "fg-small"))
    y += ROW
    body.append(_value(scale(f["median"]), y, f["median"], "fg-value fg-strong"))
    bar = y + BAR_DROP
    body.append(svg.line(scale(f["p10"]), bar, scale(f["p90"]), bar, "fg-range"))
    body.append(svg.rect(scale(f["p25"]), bar - BAND_HALF, scale(f["p75"]) - scale(f["p25"]), 2 * BAND_HALF, "fg-band"))
    body.append(svg.line(scale(f["median"]), bar - MEDIAN_HALF, scale(f["median"]), bar + MEDIAN_HALF, "fg-median"))
    y = bar + BELOW_BAR
    body += [_value(scale(f["p25"]), y, f["p25"], "fg-value"), _value(scale(f["p75"]), y, f["p75"], "fg-value")]
    y += LINE
    body += [_value(scale(f["p10"]), y, f["p10"], "fg-value"), _value(scale(f["p90"]), y, f["p90"], "fg-value")]
    return y + AFTER_ROW


def _survey_row(body: list[Markup], scale: svg.LinearScale, f: dict, y: float) -> float:
    y += ROW
    body.append(svg.text(LEFT, y, f"{f['label']}, {f['region']} ({respondents_text(f['respondents'])})", "fg-label"))
    y += LINE
    x, middle = scale(f["median"]), y - MIDLINE
    body.append(svg.line(scale.start, middle, x, middle, "fg-survey-line"))
    body.append(svg.circle(x, middle, DOT_RADIUS, "fg-survey-dot"))
    label = dollars(f["median"])
    if RIGHT - (x + DOT_LABEL_GAP) >= svg.text_width(label, SIZE, bold=True):
        body.append(svg.text(x + DOT_LABEL_GAP, y, label, "fg-value fg-strong"))
    else:
        body.append(svg.text(x - DOT_LABEL_GAP, y, label, "fg-value fg-strong", "end"))
    return y + AFTER_ROW


def _value(x: float, y: float, value: float, css_class: str) -> Markup:
    """A dollar label centred on x, moved in just enough to stay inside the margins."""
    label = dollars(value)
    return svg.text(svg.clamp_label(x, label, SIZE, LEFT, RIGHT), y, label, css_class, "middle")


def _axis(body: list[Markup], scale: svg.LinearScale, y: float) -> float:
    body.append(svg.line(scale.start, y, scale.end, y, "fg-rule"))
    for tick in scale.ticks(TICK_STEP):
        x = scale(tick)
        body.append(svg.line(x, y, x, y + TICK, "fg-rule"))
        label = "0" if tick == 0 else f"{int(tick // 1000)}k"
        # Every tick label is placed as if it were as wide as the widest ("250k"), so they stay evenly spaced.
        body.append(svg.text(svg.clamp_label(x, "000k", SIZE, LEFT, RIGHT), y + TICK_LABEL, label, "fg-small", "middle"))
    body.append(svg.text(RIGHT, y + AXIS_TITLE, "US dollars a year", "fg-small", "end"))
    return y + AXIS_TITLE
