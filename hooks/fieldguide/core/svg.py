"""Small helpers for charts and diagrams drawn at build time as inline SVG.

Nothing here knows about pay or roles. The drawing carries no colours of its own:
elements get class names, and docs/assets/extra.css paints them with the theme's
custom properties, so light, dark and print all read. Every text is escaped, and
every helper returns ``Markup``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from .markup import fold

# Rough advance width of one character, as a share of the font size, for the system sans
# fonts the site uses; enough to keep a label inside the drawing, not to typeset it.
CHAR_WIDTH = 0.6
# Bold glyphs of the same fonts run about this much wider than regular ones.
BOLD_WIDTH = 1.12
ARROW_HEAD = 8  # length of a drawn arrowhead
ARROW_HALF_WIDTH = 4


def number(value: float) -> str:
    """The one coordinate format: 12.0 -> "12", 12.345 -> "12.3"."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


def text_width(text: str, size: float, bold: bool = False) -> float:
    return len(text) * size * CHAR_WIDTH * (BOLD_WIDTH if bold else 1)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Words into lines no wider than width."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and text_width(candidate, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _attrs(**attributes) -> Markup:
    """Attributes in the order given; numbers through number(), None left out."""
    parts = Markup("")
    for name, value in attributes.items():
        if value is None:
            continue
        shown = number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
        parts += Markup(' {}="{}"').format(name.rstrip("_").replace("_", "-"), shown)
    return parts


def element(name: str, **attributes) -> Markup:
    return Markup("<{}{}/>").format(name, _attrs(**attributes))


def root(id_: str, width: float, height: float, title: str, desc: str, body: list[Markup], css_class: str = "") -> Markup:
    """An accessible SVG image: role="img", named by its <title>, described by its <desc>.

    It scales to its container (viewBox, no fixed size); the stylesheet gives it
    `width: 100%` and a `max-width`.
    """
    return Markup(
        '<svg{} viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>'
    ).format(_attrs(class_=css_class or None), number(width), number(height), id_, id_,
             id_, fold(title), id_, fold(desc), Markup("").join(body))


def text(x: float, y: float, content: str, css_class: str = "", anchor: str = "start", size: float | None = None) -> Markup:
    attributes = _attrs(x=x, y=y, font_size=size, text_anchor=None if anchor == "start" else anchor, class_=css_class or None)
    return Markup("<text{}>{}</text>").format(attributes, fold(content))


def line(x1: float, y1: float, x2: float, y2: float, css_class: str) -> Markup:
    return element("line", x1=x1, y1=y1, x2=x2, y2=y2, class_=css_class)


def rect(x: float, y: float, width: float, height: float, css_class: str, **extra) -> Markup:
    return element("rect", x=x, y=y, width=max(width, 0), height=height, class_=css_class, **extra)


def circle(cx: float, cy: float, r: float, css_class: str, **extra) -> Markup:
    return element("circle", cx=cx, cy=cy, r=r, class_=css_class, **extra)


def points(coordinates: list[tuple[float, float]]) -> str:
    return " ".join(f"{number(x)},{number(y)}" for x, y in coordinates)


def arrow(coordinates: list[tuple[float, float]], css_class: str = "fg-line") -> Markup:
    """A polyline ending in a drawn arrowhead (no <marker>: ids would clash between diagrams)."""
    (x1, y1), (x2, y2) = coordinates[-2], coordinates[-1]
    length = max(math.hypot(x2 - x1, y2 - y1), 1e-9)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    back_x, back_y = x2 - ARROW_HEAD * ux, y2 - ARROW_HEAD * uy
    head = [(x2, y2), (back_x - ARROW_HALF_WIDTH * uy, back_y + ARROW_HALF_WIDTH * ux),
            (back_x + ARROW_HALF_WIDTH * uy, back_y - ARROW_HALF_WIDTH * ux)]
    return (element("polyline", class_=css_class, points=points(coordinates), fill="none", stroke="currentColor")
            + element("polygon", class_=f"{css_class}-head", points=points(head), fill="currentColor"))


@dataclass(frozen=True)
class LinearScale:
    """Maps a value in [low, high] to a position in [start, end]."""

    low: float
    high: float
    start: float
    end: float

    def __post_init__(self):
        if self.high <= self.low:
            raise ValueError(f"a scale needs high > low, got {self.low}..{self.high}")

    def __call__(self, value: float) -> float:
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)

    def ticks(self, step: float) -> list[float]:
        first = math.ceil(self.low / step) * step
        count = int(math.floor((self.high - first) / step + 1e-9)) + 1
        return [first + i * step for i in range(count)]


def nice_bounds(values: list[float], step: float, floor_at_zero: bool = True) -> tuple[float, float]:
    """The smallest range in whole steps that holds every value: [31_200, 230_630], 50_000 -> (0, 250_000)."""
    low = 0.0 if floor_at_zero else math.floor(min(values) / step) * step
    high = math.ceil(max(values) / step) * step
    return float(low), float(high if high > low else low + step)


def clamp_label(x: float, label: str, size: float, left: float, right: float, anchor: str = "middle") -> float:
    """Move a label's anchor point so the label stays between left and right."""
    width = text_width(label, size)
    if anchor == "middle":
        return min(max(x, left + width / 2), right - width / 2)
    if anchor == "end":
        return min(max(x, left + width), right)
    return min(max(x, left), right - width)


@dataclass
class Legend:
    """A row of keys, each a swatch and its label, spaced by measuring the labels (no hand-fitted offsets)."""

    x: float
    y: float  # the labels' baseline
    size: float
    swatch_width: float
    gap: float = 6  # between a swatch and its label
    spacing: float = 14  # between one key and the next
    body: list[Markup] = field(default_factory=list)

    def key(self, draw_swatch: Callable[[float, float], Markup], label: str, css_class: str = "fg-small") -> None:
        """draw_swatch(x, baseline) draws the swatch from x; the label follows it."""
        self.body.append(draw_swatch(self.x, self.y))
        self.body.append(text(self.x + self.swatch_width + self.gap, self.y, label, css_class, size=self.size))
        self.x += self.swatch_width + self.gap + text_width(label, self.size) + self.spacing
