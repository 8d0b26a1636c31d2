"""Small helpers for charts and diagrams drawn at build time as inline SVG.

Nothing here knows about pay or roles. The drawing carries no colours of its own:
elements get class names, and docs/assets/extra.css paints them with the theme's
custom properties, so light, dark and print all read. Every text is escaped.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

# Rough advance width of one character, as a share of the font size, for the system sans
# fonts the site uses; enough to keep a label inside the drawing, not to typeset it.
CHAR_WIDTH = 0.6


def escape(text: object) -> str:
    """Text as SVG character data or an attribute value."""
    return html.escape(" ".join(str(text).split()), quote=True)


def number(value: float) -> str:
    """A coordinate without needless decimals: 12.0 -> "12", 12.345 -> "12.3"."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def root(id_: str, width: float, height: float, title: str, desc: str, body: list[str], css_class: str = "") -> str:
    """An accessible SVG image: role="img", named by its <title>, described by its <desc>.

    It scales to its container (viewBox, no fixed size); the stylesheet gives it
    `width: 100%` and a `max-width`.
    """
    classes = f' class="{escape(css_class)}"' if css_class else ""
    return (
        f'<svg{classes} viewBox="0 0 {number(width)} {number(height)}" role="img" '
        f'aria-labelledby="{id_}-title {id_}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{id_}-title">{escape(title)}</title>'
        f'<desc id="{id_}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def text(x: float, y: float, content: str, css_class: str = "", anchor: str = "start") -> str:
    anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
    classes = f' class="{escape(css_class)}"' if css_class else ""
    return f'<text x="{number(x)}" y="{number(y)}"{anchor_attr}{classes}>{escape(content)}</text>'


def line(x1: float, y1: float, x2: float, y2: float, css_class: str) -> str:
    return f'<line x1="{number(x1)}" y1="{number(y1)}" x2="{number(x2)}" y2="{number(y2)}" class="{escape(css_class)}"/>'


def rect(x: float, y: float, width: float, height: float, css_class: str) -> str:
    return (
        f'<rect x="{number(x)}" y="{number(y)}" width="{number(max(width, 0))}" '
        f'height="{number(height)}" class="{escape(css_class)}"/>'
    )


def circle(cx: float, cy: float, r: float, css_class: str) -> str:
    return f'<circle cx="{number(cx)}" cy="{number(cy)}" r="{number(r)}" class="{escape(css_class)}"/>'


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
    low = min(values)
    low = 0.0 if floor_at_zero else math.floor(low / step) * step
    high = math.ceil(max(values) / step) * step
    if high <= low:
        high = low + step
    return float(low), float(high)


def clamp_label(x: float, label: str, size: float, left: float, right: float, anchor: str = "middle") -> float:
    """Move a label's anchor point so the label stays between left and right."""
    width = text_width(label, size)
    if anchor == "middle":
        return min(max(x, left + width / 2), right - width / 2)
    if anchor == "end":
        return min(max(x, left + width), right)
    return min(max(x, left), right - width)
