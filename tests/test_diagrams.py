"""Diagrams people can read: ways back that never cross, labels of 11 px or more on a phone, and
shapes that stand out from the page (3:1, WCAG 1.4.11) in the light and the dark palette.

The blocks are hooks/fieldguide/blocks/diagrams.py, loop_routes.py and ownership_drawings.py; the
colours are docs/assets/extra.css over the theme's own (Material's stylesheets, read from the
installed package). The checks in a real browser are marked `browser`.
"""

from __future__ import annotations

import colorsys
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import material
import pytest

from conftest import ROOT
from fieldguide.blocks.markers import Context, expand  # importing markers registers every block
from fieldguide.core import svg
from fieldguide.model.guide import Guide

SVG_NS = "{http://www.w3.org/2000/svg}"
REAL = Guide.load()
PHONE_COLUMN = 328  # px: the content column of a 360 px screen (measured in Chromium)
MIN_LABEL = 11  # px
# Shapes that say something (a level, a way, a stage) need 3:1 against the page; the rule between
# environments in the map only groups rows whose titles say everything, so it may stay faint.
MEANINGFUL = ["fg-leads", "fg-half", "fg-ring", "fg-none", "fg-badge", "fg-back", "fg-back-head",
              "fg-line", "fg-line-head", "fg-box", "fg-env"]
DECORATIVE = ["fg-rule"]
DIAGRAMS = {"process/data-science-process.md": "process-loop: process", "process/environments.md": "model-path: environments",
            "compare/neighbouring-roles.md": "ownership-map", "index.md": "two-roles"}


def drawings(marker: str, guide: Guide = REAL) -> list[tuple[bool, ET.Element]]:
    """(shown on phones, drawing) for each drawing a marker makes; a wide variant shows only on large screens."""
    html = expand(f"<!-- {marker} -->", Context(guide, "index.md"))
    wide = re.findall(r'<div class="fg-wide">(<svg.*?</svg>)</div>', html, re.DOTALL)
    return [(svg not in wide, ET.fromstring(svg)) for svg in re.findall(r'<svg class="fg-diagram.*?</svg>', html, re.DOTALL)]


def view_width(drawing: ET.Element) -> float:
    return float(drawing.get("viewBox").split()[2])


# --- labels on a phone ---------------------------------------------------------------------------------


@pytest.mark.parametrize("marker", DIAGRAMS.values())
def test_no_label_under_11px_in_a_phones_column(marker):
    """A drawing fills the column (its max-width is wider), so a label shows at size × 328 / viewBox width."""
    shown = [drawing for on_phone, drawing in drawings(marker) if on_phone]
    assert shown
    for drawing in shown:
        scale = PHONE_COLUMN / view_width(drawing)
        sizes = {t.text: float(t.get("font-size")) * scale for t in drawing.iter(f"{SVG_NS}text")}
        assert min(sizes.values()) >= MIN_LABEL, (drawing.get("class"), min(sizes.items(), key=lambda kv: kv[1]))


@pytest.mark.parametrize("marker", DIAGRAMS.values())
def test_every_label_stays_inside_its_drawing(marker):
    for _, drawing in drawings(marker):
        right = view_width(drawing)
        for text in drawing.iter(f"{SVG_NS}text"):
            x, width = float(text.get("x")), svg.text_width(text.text, float(text.get("font-size")))
            anchor = text.get("text-anchor") or "start"
            left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            assert -0.5 <= left and left + width <= right + 0.5, (drawing.get("class"), text.text)


# --- the loop's ways back ------------------------------------------------------------------------------


def _points(polyline: ET.Element) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in polyline.get("points").split()]


def _segments(polyline: ET.Element) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    points = _points(polyline)
    return list(zip(points, points[1:]))


def _touch(a, b) -> bool:
    """Two horizontal or vertical segments meet exactly when their bounding boxes do."""
    (ax1, ay1), (ax2, ay2) = a
    (bx1, by1), (bx2, by2) = b
    return (min(ax1, ax2) <= max(bx1, bx2) and min(bx1, bx2) <= max(ax1, ax2)
            and min(ay1, ay2) <= max(by1, by2) and min(by1, by2) <= max(ay1, ay2))


def _distance(point, segment) -> float:
    (px, py), ((x1, y1), (x2, y2)) = point, segment
    nearest = (min(max(px, min(x1, x2)), max(x1, x2)), min(max(py, min(y1, y2)), max(y1, y2)))
    return ((px - nearest[0]) ** 2 + (py - nearest[1]) ** 2) ** 0.5


LOOPS = {
    "the fixture: two spans interleave": [("explore", "ask"), ("model", "get"), ("tell", "ask")],
    "a stage both left and returned to": [("explore", "ask"), ("model", "get"), ("tell", "ask"), ("tell", "model"),
                                          ("model", "explore")],
    "a chain of short ways": [("get", "ask"), ("explore", "get"), ("model", "explore"), ("tell", "model")],
    "every way back to the start": [("tell", "ask"), ("model", "ask"), ("explore", "ask"), ("get", "ask")],
    "one way": [("tell", "get")],
}


def process_data(valid_data: dict, ways: list[tuple[str, str]]) -> Guide:
    """The fixture's data plus a five-step process and the given ways back."""
    valid_data["categories"].append({"id": "process", "title": "Process", "page": "process/data-science-process.md",
                                     "summary": "The steps."})
    for topic_id, title in [("ask", "Ask a question"), ("get", "Get the data"), ("explore", "Explore the data"),
                            ("model", "Model the data"), ("tell", "Tell the results")]:
        valid_data["topics"].append({"id": topic_id, "category": "process", "title": title,
                                     "roles": {"data_scientist": "Does it.", "ml_engineer": "Helps."}})
    valid_data["process_loop"] = [{"from": a, "to": b, "why": f"From {a} to {b}."} for a, b in ways]
    return Guide(valid_data)


def loop_drawings(valid_data, case: str) -> list[ET.Element]:
    if case == "the real data":
        return [drawing for _, drawing in drawings("process-loop: process")]
    return [drawing for _, drawing in drawings("process-loop: process", process_data(valid_data, LOOPS[case]))]


CASES = ["the real data", *LOOPS]


@pytest.mark.parametrize("case", CASES)
def test_no_two_ways_back_cross(valid_data, case):
    (drawing,) = loop_drawings(valid_data, case)
    ways = drawing.findall(f"{SVG_NS}polyline[@class='fg-back']")
    forward = drawing.findall(f"{SVG_NS}polyline[@class='fg-line']")
    assert len(ways) == len(LOOPS.get(case, REAL.ways_back("process")))
    for i, way in enumerate(ways):
        for other in ways[i + 1:] + forward:
            meets = [(a, b) for a in _segments(way) for b in _segments(other) if _touch(a, b)]
            assert meets == [], f"{case}: way {i} meets another line at {meets}"


@pytest.mark.parametrize("case", CASES)
def test_each_badge_sits_on_its_own_way_back_where_no_other_line_passes(valid_data, case):
    (drawing,) = loop_drawings(valid_data, case)
    ways = drawing.findall(f"{SVG_NS}polyline[@class='fg-back']")
    badges = drawing.findall(f"{SVG_NS}circle[@class='fg-badge']")
    assert len(badges) == len(ways)
    for i, (badge, way) in enumerate(zip(badges, ways)):
        centre, radius = (float(badge.get("cx")), float(badge.get("cy"))), float(badge.get("r"))
        _, lane, _ = _segments(way)  # out from the stage, up the lane, back in
        assert lane[0][0] == lane[1][0] == centre[0] and min(lane[0][1], lane[1][1]) < centre[1] < max(lane[0][1], lane[1][1])
        others = [s for j, w in enumerate(ways) if j != i for s in _segments(w)] + [s for k, s in enumerate(_segments(way)) if k != 1]
        assert min(_distance(centre, s) for s in others) > radius, f"{case}: badge {i} touches a line"
        inside = 0 <= centre[0] - radius and centre[0] + radius <= view_width(drawing)
        assert inside, f"{case}: badge {i} is cut off"


def test_the_fixture_puts_the_interleaving_way_on_the_left(valid_data):
    (drawing,) = loop_drawings(valid_data, "the fixture: two spans interleave")
    box = drawing.find(f"{SVG_NS}rect[@class='fg-box']")
    lanes = [_points(w)[1][0] for w in drawing.findall(f"{SVG_NS}polyline[@class='fg-back']")]
    left, right = float(box.get("x")), float(box.get("x")) + float(box.get("width"))
    assert [x < left for x in lanes] == [False, True, False]  # (b) goes left
    assert right < lanes[0] < lanes[2]  # (c), the longest span, outside (a)


# --- contrast against the page -------------------------------------------------------------------------

THEME = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
EXTRA = ROOT / "docs" / "assets" / "extra.css"


def theme_css() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(THEME.glob("*.min.css")))


def _properties(css: str, selector: str) -> dict[str, str]:
    """Custom properties set by rules whose whole selector is `selector`, in order."""
    found: dict[str, str] = {}
    for block in re.findall(r"(?:^|[{}])" + re.escape(selector) + r"\{([^}]*)\}", css):
        found.update((k, v.strip()) for k, v in re.findall(r"(--[\w-]+):([^;]+)", block))
    return found


def palettes() -> dict[str, dict[str, str]]:
    """The theme's custom properties for the two palettes mkdocs.yml sets."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    schemes = re.findall(r"scheme: (\w+)\s+primary: ([\w-]+)", config)
    assert [s for s, _ in schemes] == ["default", "slate"]
    css = theme_css()
    found = {}
    for name, (scheme, primary) in zip(("light", "dark"), schemes):
        props = _properties(css, ":root,[data-md-color-scheme=default]")
        props |= _properties(css, f"[data-md-color-primary={primary}]")
        if scheme != "default":
            props |= _properties(css, f"[data-md-color-scheme={scheme}]")
            props |= _properties(css, f"[data-md-color-scheme={scheme}][data-md-color-primary={primary}]")
        found[name] = props
    return found


def resolve(value: str, props: dict[str, str]) -> str:
    while "var(" in value:
        value = re.sub(r"var\((--[\w-]+)\)", lambda m: props[m.group(1)], value)
    return value


def rgba(value: str) -> tuple[float, float, float, float]:
    """#rgb, #rrggbb, #rrggbbaa or hsla(h, s%, l%, a) as (r, g, b, alpha), channels 0..255."""
    value = value.strip()
    if value.startswith("#"):
        digits = value[1:] if len(value) > 5 else "".join(c * 2 for c in value[1:])
        channels = [int(digits[i:i + 2], 16) for i in range(0, len(digits), 2)]
        return (*channels[:3], channels[3] / 255 if len(channels) > 3 else 1.0)
    h, s, lightness, *alpha = re.findall(r"[\d.]+", value)
    r, g, b = colorsys.hls_to_rgb(float(h) / 360, float(lightness) / 100, float(s) / 100)
    return r * 255, g * 255, b * 255, float(alpha[0]) if alpha else 1.0


def over(colour, page) -> tuple[float, float, float]:
    *rgb, alpha = colour
    return tuple(alpha * c + (1 - alpha) * p for c, p in zip(rgb, page))


def contrast(a, b) -> float:
    def luminance(rgb):
        lin = [(c / 255 / 12.92) if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def diagram_rules() -> dict[str, dict[str, str]]:
    """class -> its declarations from every `.fg-diagram .class` rule in extra.css, later ones winning."""
    css = re.sub(r"/\*.*?\*/", "", EXTRA.read_text(encoding="utf-8"), flags=re.DOTALL)
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        for selector in (s.strip() for s in selectors.split(",")):
            if m := re.fullmatch(r"\.fg-diagram \.(fg-[\w-]+)", selector):
                rules.setdefault(m.group(1), {}).update(re.findall(r"([\w-]+)\s*:\s*([^;]+?)\s*;", body))
    return rules


def shape_contrasts(palette: dict[str, str]) -> dict[str, float]:
    """Each meaningful shape's best contrast against the page, from its fill or its outline."""
    page = rgba(resolve("var(--md-default-bg-color)", palette))[:3]
    text = resolve("var(--md-default-fg-color)", palette)  # currentColor in a diagram
    found = {}
    for name, rule in diagram_rules().items():
        ratios = [0.0]
        for paint, opacity in (("fill", "fill-opacity"), ("stroke", "stroke-opacity")):
            value = rule.get(paint, "none")
            if value != "none":
                r, g, b, alpha = rgba(resolve(text if value == "currentColor" else value, palette))
                ratios.append(contrast(over((r, g, b, alpha * float(rule.get(opacity, 1))), page), page))
        found[name] = max(ratios)
    return found


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_meaningful_shape_has_3_to_1_against_the_page(name):
    found = shape_contrasts(palettes()[name])
    assert {c: round(found.get(c, 0), 2) for c in MEANINGFUL if found.get(c, 0) < 3} == {}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_letters_on_badges_and_soft_text_have_4_5_to_1(name):
    palette = palettes()[name]
    rules = diagram_rules()
    page = rgba(resolve("var(--md-default-bg-color)", palette))[:3]
    badge = over(rgba(resolve(rules["fg-badge"]["fill"], palette)), page)
    assert contrast(over(rgba(resolve(rules["fg-on-badge"]["fill"], palette)), badge), badge) >= 4.5
    assert contrast(over(rgba(resolve(rules["fg-soft"]["fill"], palette)), page), page) >= 4.5


def test_every_shape_class_drawn_is_checked():
    drawn = {el.get("class") for marker in DIAGRAMS.values() for _, drawing in drawings(marker)
             for el in drawing.iter() if el.tag != f"{SVG_NS}text" and el.get("class")}
    drawn -= {c for c in drawn if c.startswith("fg-diagram")}
    assert drawn <= set(MEANINGFUL) | set(DECORATIVE), drawn - set(MEANINGFUL) - set(DECORATIVE)


def test_the_theme_values_are_read_as_expected():
    light, dark = palettes()["light"], palettes()["dark"]
    assert rgba(resolve("var(--md-default-bg-color)", light)) == (255, 255, 255, 1.0)
    assert [round(c) for c in rgba(resolve("var(--md-default-bg-color)", dark))[:3]] == [30, 33, 41]
    assert resolve("var(--md-typeset-a-color)", light) == "#4051b5" and resolve("var(--md-typeset-a-color)", dark) == "#5488e8"


# --- in a real browser -----------------------------------------------------------------------------------

MEASURE = """(classes) => [...document.querySelectorAll('svg.fg-diagram')].filter(s => s.getBoundingClientRect().width > 0)
  .map(s => {
    const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    const labels = [...s.querySelectorAll('text')].map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale]);
    const shapes = [...s.querySelectorAll(classes.map(c => '.' + c).join(','))].map(e => {
      const style = getComputedStyle(e);
      return [e.getAttribute('class'), style.fill, style.fillOpacity, style.stroke, style.strokeOpacity];
    });
    return {labels, shapes, page: getComputedStyle(document.body).backgroundColor};
  })"""


def _computed(value: str) -> tuple[float, float, float, float] | None:
    """rgb(r, g, b) or rgba(r, g, b, a) as getComputedStyle gives it; None for none."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)]
    return None if value == "none" or len(numbers) < 3 else (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_the_browser_labels_are_11px_and_shapes_3_to_1(browser, built_site, scheme):
    """At a phone's width, at 960 px (the narrowest screen with the sidebar, so the narrowest column the
    wide variants get) and at 1280 px: each page is loaded once and measured at each width."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    small, faint = {}, {}
    for name in DIAGRAMS:
        page.goto((built_site / name.replace(".md", ".html")).resolve().as_uri())
        for width in (360, 960, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            shown = page.evaluate(MEASURE, MEANINGFUL)
            assert shown, name
            for drawing in shown:
                label, size = min(drawing["labels"], key=lambda pair: pair[1])
                if size < MIN_LABEL:
                    small[(name, width)] = (label, round(size, 2))
                background = _computed(drawing["page"])[:3]
                for css_class, fill, fill_opacity, stroke, stroke_opacity in drawing["shapes"]:
                    ratios = [contrast(over((*paint[:3], paint[3] * float(opacity)), background), background)
                              for paint, opacity in ((_computed(fill), fill_opacity), (_computed(stroke), stroke_opacity))
                              if paint]
                    if max(ratios, default=0) < 3:
                        faint[(name, css_class)] = round(max(ratios, default=0), 2)
    context.close()
    assert small == {} and faint == {}
