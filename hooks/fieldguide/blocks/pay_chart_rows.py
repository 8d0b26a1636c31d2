"""The pay chart's rows, for each of its two drawings (see pay_chart.py).

A `Frame` holds a drawing's width, where its bars may run and its type sizes. The narrow
drawing puts each row's name above its bar and the percentile labels under it; the wide one
puts names in a column on the left and the 10th and 90th percentiles at the bar's ends, so a
row takes one bar's height and the whole chart stays short on a large screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..core import svg
from ..core.numbers import respondents_text, whole_dollars
from ..model.guide import Guide


@dataclass(frozen=True)
class Frame:
    width: float
    left: float  # text starts here
    right: float  # nothing passes here
    plot_left: float  # a scale's low end
    plot_right: float  # a scale's high end
    size: float  # label font size in the drawing's own units; the stylesheet matches it
    small: float  # .fg-small: the legend, the axes, the second line of a name
    column: float  # where the names' column ends (wide); 0: names sit above the bars (narrow)
    css_class: str

    def scale(self, values: list[float], step: float) -> svg.LinearScale:
        return svg.LinearScale(*svg.nice_bounds(values, step), self.plot_left, self.plot_right)


# The narrow drawing's 360 units fill a phone's column; the wide one's 720 are about as many
# CSS pixels at 1280 px, so its type sizes stay below the body text's 16 px.
NARROW = Frame(360, 6, 354, 10, 350, 11, 10.5, 0, "fg-chart")
WIDE = Frame(720, 6, 714, 236, 646, 13, 12, 224, "fg-chart fg-chart-wide")

# Vertical steps, from one baseline (or bar) to the next thing drawn.
LINE = 14  # one line of text to the next
ROW = 16  # the last thing drawn to a row's first baseline
MIDLINE = 4  # a baseline up to the middle of its text: where swatches, survey lines and dots sit
BAR_DROP = 12  # the median's label to the bar's middle
BAND_HALF = 6  # half the height of the middle-half band
MEDIAN_HALF = 9  # half the height of the median mark
BELOW_BAR = 23  # the bar's middle to the quartiles' labels (narrow)
BELOW_BAR_WIDE = 21  # the same, wide: nothing else sits under the band there
AFTER_ROW = 4
DOT_RADIUS = 4.5
DOT_LABEL_GAP = 9  # a survey dot's centre to its label
END_LABEL_GAP = 6  # a bar's end to the 10th or 90th percentile's label beside it (wide)


def whose(guide: Guide, figure: dict) -> str:
    if not figure.get("role"):
        return ""
    role = guide.role(figure["role"])["name"]
    return f", proxy for {role}" if figure.get("proxy") else f", {role}"


def _code_line(guide: Guide, f: dict) -> str:
    return f"SOC {f['soc']}{whose(guide, f) or ', for comparison'}"


# --- wage rows ----------------------------------------------------------------------------------


def wage_row(body: list[Markup], guide: Guide, frame: Frame, scale: svg.LinearScale, f: dict, y: float) -> float:
    """One occupation's range; returns the y below it."""
    if frame.column:
        return _wage_row_wide(body, guide, frame, scale, f, y)
    y += ROW
    body.append(svg.text(frame.left, y, f["occupation"], "fg-label"))
    y += LINE
    body.append(svg.text(frame.left, y, _code_line(guide, f), "fg-small"))
    y += ROW
    body.append(_value(frame, scale(f["median"]), y, f["median"], "fg-value fg-strong"))
    bar = y + BAR_DROP
    _bar(body, scale, f, bar)
    y = bar + BELOW_BAR
    body += [_value(frame, scale(f["p25"]), y, f["p25"], "fg-value"), _value(frame, scale(f["p75"]), y, f["p75"], "fg-value")]
    y += LINE
    body += [_value(frame, scale(f["p10"]), y, f["p10"], "fg-value"), _value(frame, scale(f["p90"]), y, f["p90"], "fg-value")]
    return y + AFTER_ROW


def _wage_row_wide(body: list[Markup], guide: Guide, frame: Frame, scale: svg.LinearScale, f: dict, y: float) -> float:
    top = y + ROW
    names = _column(body, frame, top, [(f["occupation"], "fg-label"), (_code_line(guide, f), "fg-small")])
    body.append(_value(frame, scale(f["median"]), top, f["median"], "fg-value fg-strong"))
    bar = top + BAR_DROP
    _bar(body, scale, f, bar)
    low, high = whole_dollars(f["p10"]), whole_dollars(f["p90"])
    # The ends' labels sit beside the bar; kept out of the names' column and inside the drawing.
    low_x = svg.clamp_label(scale(f["p10"]) - END_LABEL_GAP, low, frame.size, frame.column, frame.right, "end")
    high_x = svg.clamp_label(scale(f["p90"]) + END_LABEL_GAP, high, frame.size, frame.column, frame.right, "start")
    body += [svg.text(low_x, bar + MIDLINE, low, "fg-value", "end"), svg.text(high_x, bar + MIDLINE, high, "fg-value")]
    quartiles = bar + BELOW_BAR_WIDE
    body += [_value(frame, scale(f["p25"]), quartiles, f["p25"], "fg-value"),
             _value(frame, scale(f["p75"]), quartiles, f["p75"], "fg-value")]
    return max(quartiles, names) + AFTER_ROW


def _bar(body: list[Markup], scale: svg.LinearScale, f: dict, middle: float) -> None:
    """The 10th–90th percentile line, the middle-half band and the median mark, centred on `middle`."""
    body.append(svg.line(scale(f["p10"]), middle, scale(f["p90"]), middle, "fg-range"))
    body.append(svg.rect(scale(f["p25"]), middle - BAND_HALF, scale(f["p75"]) - scale(f["p25"]), 2 * BAND_HALF, "fg-band"))
    body.append(svg.line(scale(f["median"]), middle - MEDIAN_HALF, scale(f["median"]), middle + MEDIAN_HALF, "fg-median"))


def _column(body: list[Markup], frame: Frame, baseline: float, texts: list[tuple[str, str]]) -> float:
    """Texts wrapped to the names' column, one line under the other; returns the last baseline."""
    width = frame.column - frame.left
    y = baseline - LINE
    for content, css_class in texts:
        size = frame.size * svg.BOLD_WIDTH if css_class == "fg-label" else frame.small
        for line in svg.wrap(content, size, width):
            y += LINE
            body.append(svg.text(frame.left, y, line, css_class))
    return y


def _value(frame: Frame, x: float, y: float, value: float, css_class: str) -> Markup:
    """A dollar label centred on x, moved in just enough to stay inside the bars' room."""
    label = whole_dollars(value)
    size = frame.size * (svg.BOLD_WIDTH if "fg-strong" in css_class else 1)
    return svg.text(svg.clamp_label(x, label, size, frame.column or frame.left, frame.right), y, label, css_class, "middle")


# --- survey rows --------------------------------------------------------------------------------


def survey_row(body: list[Markup], frame: Frame, scale: svg.LinearScale, f: dict, y: float) -> float:
    """One survey median, a dot on a dashed line from the axis's zero; returns the y below it."""
    y += ROW
    if frame.column:
        last = _column(body, frame, y, [(f["label"], "fg-label"), (f"{f['region']}, {respondents_text(f['respondents'])}",
                                                                    "fg-small")])
        middle = (y + last) / 2 - MIDLINE
    else:
        body.append(svg.text(frame.left, y, f"{f['label']}, {f['region']} ({respondents_text(f['respondents'])})",
                             "fg-label"))
        last = y = y + LINE
        middle = y - MIDLINE
    x, label = scale(f["median"]), whole_dollars(f["median"])
    width = svg.text_width(label, frame.size, bold=True)
    if frame.right - (x + DOT_LABEL_GAP) >= width:
        line_end = x
        body.append(svg.text(x + DOT_LABEL_GAP, middle + MIDLINE, label, "fg-value fg-strong"))
    else:  # no room after the dot: the label goes before it, and the line stops short of the label
        line_end = x - DOT_LABEL_GAP - width - END_LABEL_GAP
        body.append(svg.text(x - DOT_LABEL_GAP, middle + MIDLINE, label, "fg-value fg-strong", "end"))
    body.append(svg.line(scale.start, middle, max(line_end, scale.start), middle, "fg-survey-line"))
    body.append(svg.circle(x, middle, DOT_RADIUS, "fg-survey-dot"))
    return last + AFTER_ROW
