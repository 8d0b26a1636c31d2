"""Who owns each stage of a model's life, drawn; ownership.py puts the drawings on pages.

- the map: stages down, roles across, a symbol per cell. Wide, with the stages' titles left of
  the grid; or narrow, for a phone's column, with long titles wrapped or set above their symbols;
- the lanes: the two main roles along the stages, for the home page on large screens.

Each level has a shape that says it on its own: filled (leads), half filled (contributes),
outline (consulted), dash (no part). docs/assets/extra.css gives each shape 3:1 against the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from ..core import svg
from ..model.check_ownership import LEVELS
from ..model.guide import Guide
from .common import in_sentence
from .diagrams import PHONE_WIDTH, diagram

LEVEL_NAMES = {"leads": "Leads", "contributes": "Contributes", "consulted": "Consulted", "none": "None"}
LEVEL_WORDS = {"leads": "leads", "contributes": "contributes to", "consulted": "consulted on", "none": "no part in"}


def role_in_words(guide: Guide, role: dict) -> str:
    """Every level a role has, with its stages: "leads question, data; consulted on serve; no part in report"."""
    stages = guide.require("lifecycle")
    parts = []
    for level in LEVELS:
        named = [in_sentence(s["short"]) for s in stages if guide.level_of(s["id"], role["id"]) == level]
        if named:
            parts.append(f"{LEVEL_WORDS[level]} {', '.join(named)}")
    return "; ".join(parts)


def half_box(x: float, y: float, w: float, h: float, r: float) -> Markup:
    """The left half of a rounded box, filled."""
    n = svg.number
    d = (f"M{n(x + w / 2)},{n(y)} V{n(y + h)} H{n(x + r)} A{n(r)},{n(r)} 0 0 1 {n(x)},{n(y + h - r)} "
         f"V{n(y + r)} A{n(r)},{n(r)} 0 0 1 {n(x + r)},{n(y)} Z")
    return svg.element("path", class_="fg-leads", d=d)


def dash(x: float, y: float, half: float) -> Markup:
    return svg.element("line", class_="fg-none", x1=x - half, y1=y, x2=x + half, y2=y, stroke="currentColor")


# --- the map: stages down, roles across, a symbol per cell ---------------------------------------

MAP_SIZE = 11.5  # every label: 11.5 px or more wherever the map shows
MAP_LINE = 14  # between two lines of a wrapped title or column head
MAP_COLUMN = 36  # the least a role's column takes
MAP_NAME_PADDING = 8  # around a column head
MAP_ROW = 26  # a one-line stage's row
MAP_ROW_PADDING = 6  # above and below a wrapped title
MAP_HEAD_BASELINE, MAP_HEAD_BELOW = 18, 12  # the heads' first baseline; from their last to the first row
MAP_RIGHT, MAP_TEXT_LEFT = 8, 4
MAP_BASELINE = 4  # a title's baseline below its symbol's centre
STACKED_TITLE, STACKED_SYMBOLS = 15, 17  # stacked: a title's first baseline in its row; its symbols below its last
STACKED_BELOW = 12  # stacked: from a row's symbols to the row's end
MIN_LABEL_WIDTH = 150  # narrower than this, each stage's title goes above its symbols
MAP_FOOT = 36  # the legend's room under the grid
SYMBOL_RADIUS, KEY_RADIUS = 7, 6  # in the grid; in the legend
DASH = 4  # half the length of the "none" dash
LEGEND_BOTTOM = 10  # from the drawing's bottom edge to the legend's baseline
KEY_RAISE = 4  # a legend symbol's centre sits this far above the labels' baseline
KEY_SWATCH, KEY_GAP, KEY_SPACING = 14, 3, 12


def level_symbol(level: str, x: float, y: float, r: float = SYMBOL_RADIUS) -> Markup:
    """Filled: leads. Half filled: contributes. Ring: consulted. Dash: none."""
    ring = svg.circle(x, y, r, "fg-ring", fill="none", stroke="currentColor")
    if level == "leads":
        return svg.circle(x, y, r, "fg-leads")
    if level == "contributes":
        n = svg.number
        half = f"M{n(x)},{n(y - r)} A{n(r)},{n(r)} 0 0 0 {n(x)},{n(y + r)} Z"
        return ring + svg.element("path", class_="fg-leads", d=half)
    if level == "consulted":
        return ring
    return dash(x, y, DASH)


def _level_legend(legend: svg.Legend, draw_key) -> list[Markup]:
    """One key per ownership level, drawn by draw_key(level, left, baseline)."""
    for level in LEVELS:
        legend.key(partial(draw_key, level), LEVEL_NAMES[level], css_class="")
    return legend.body


def _symbol_key(level: str, left: float, baseline: float) -> Markup:
    return level_symbol(level, left + KEY_SWATCH / 2, baseline - KEY_RAISE, KEY_RADIUS)


@dataclass
class MapGrid:
    """Where the map's parts go: label_width 0 means each stage's title sits above its symbols."""

    width: float
    label_width: float
    column: float
    heads: list[list[str]]

    @property
    def stacked(self) -> bool:
        return not self.label_width

    def centres(self) -> list[float]:
        left = self.label_width or MAP_TEXT_LEFT
        return [left + self.column * (j + 0.5) for j in range(len(self.heads))]


def map_grid(heads: list[str], titles: list[str], narrow: bool) -> MapGrid:
    """Wide: titles on one line, heads on one line. Narrow: the phone's width, heads wrapped at spaces."""
    bold = partial(svg.text_width, size=MAP_SIZE, bold=True)
    if not narrow:
        column = max([MAP_COLUMN] + [bold(h) + MAP_NAME_PADDING for h in heads])
        label = max(svg.text_width(t, MAP_SIZE) for t in titles) + 2 * MAP_TEXT_LEFT
        return MapGrid(label + column * len(heads) + MAP_RIGHT, label, column, [[h] for h in heads])
    column = max([MAP_COLUMN] + [bold(word) + MAP_NAME_PADDING for h in heads for word in h.split()])
    label = PHONE_WIDTH - MAP_RIGHT - column * len(heads)
    if label < MIN_LABEL_WIDTH:
        label, column = 0, (PHONE_WIDTH - 2 * MAP_TEXT_LEFT) / len(heads)
    wrapped = [svg.wrap(h, MAP_SIZE, (column - MAP_NAME_PADDING) / svg.BOLD_WIDTH) for h in heads]
    return MapGrid(PHONE_WIDTH, label, column, wrapped)


def _map_row(grid: MapGrid, title: str, top: float) -> tuple[list[Markup], float, float]:
    """A stage's title as drawn, the centre line of its symbols, and the row's height."""
    room = (grid.label_width or grid.width) - 2 * MAP_TEXT_LEFT
    lines = svg.wrap(title, MAP_SIZE, room)
    if grid.stacked:
        first = top + STACKED_TITLE
        symbols = first + MAP_LINE * (len(lines) - 1) + STACKED_SYMBOLS
        height = symbols + STACKED_BELOW - top
    else:
        height = max(MAP_ROW, 2 * MAP_ROW_PADDING + MAP_LINE * len(lines))
        symbols = top + height / 2
        first = symbols + MAP_BASELINE - MAP_LINE * (len(lines) - 1) / 2
    words = [svg.text(MAP_TEXT_LEFT, first + MAP_LINE * n, line, size=MAP_SIZE) for n, line in enumerate(lines)]
    return words, symbols, height


def ownership_map_svg(guide: Guide, ident: str = "fg-ownership-map", role_ids: list[str] | None = None,
                      narrow: bool = False) -> Markup:
    """Stages down, roles across, a symbol per cell.

    With role_ids, only those roles, headed by their full names; otherwise every role, by its short name.
    """
    named = role_ids is not None
    roles = [r for r in guide.all_roles if not named or r["id"] in role_ids]
    stages = guide.require("lifecycle")
    grid = map_grid([r["name"] if named else r.get("short", r["name"]) for r in roles], [s["title"] for s in stages], narrow)
    centres, body = grid.centres(), []
    for x, lines in zip(centres, grid.heads):
        body += [svg.text(x, MAP_HEAD_BASELINE + MAP_LINE * n, line, "fg-strong", "middle", MAP_SIZE) for n, line in enumerate(lines)]
    top = MAP_HEAD_BASELINE + MAP_LINE * (max(len(lines) for lines in grid.heads) - 1) + MAP_HEAD_BELOW
    for i, stage in enumerate(stages):
        if i and stage["environment"] != stages[i - 1]["environment"]:
            body.append(svg.element("line", class_="fg-rule", x1=0, y1=top, x2=grid.width, y2=top, stroke="currentColor"))
        words, symbols, height = _map_row(grid, stage["title"], top)
        body += words + [level_symbol(guide.level_of(stage["id"], r["id"]), x, symbols) for x, r in zip(centres, roles)]
        top += height
    height = top + MAP_FOOT
    legend = svg.Legend(MAP_TEXT_LEFT, height - LEGEND_BOTTOM, MAP_SIZE, KEY_SWATCH, gap=KEY_GAP, spacing=KEY_SPACING)
    body += _level_legend(legend, _symbol_key)
    summary = "; ".join(f"{stage['title']}: " + ", ".join(
        f"{r['name']} {level}" for r in roles if (level := guide.level_of(stage["id"], r["id"])) != "none")
        for stage in stages)
    if named:
        title, lead = "The two roles along a model's life", "Stages from top to bottom. "
    else:
        names = ", ".join(f"{r.get('short', r['name'])} = {r['name']}" for r in roles)
        title, lead = "Who owns each stage of a model's life", f"Stages from top to bottom, roles across ({names}). "
    return diagram(ident, title, lead + summary + ".", grid.width, height, body, "fg-map")


# --- the home page picture: the two main roles as lanes along the stages ---------------------------

LANE_LABEL_WIDTH = 112  # the roles' names, left of the lanes
# A stage's width, and a role's lane. 11 stages make the drawing 688 wide: the content column is
# never narrower than 686 px where it shows (from 720 px screens), so labels keep 11.5 px or near it.
LANE_COLUMN, LANE_HEIGHT = 52, 26
LANE_RIGHT = 4
LANE_CELL_INSET = 2  # each side of a cell within its column
LANE_CELL_MARGIN = 4  # above and below a cell within its lane
LANE_CELL_CORNER = 3
ENV_BASELINE, ENV_RULE, ENV_SIZE = 16, 22, 12  # the environments' names over their stages, and the rule under them
STAGE_BASELINE, STAGE_SIZE = 38, 11.5  # the stages' short names
LANES_TOP, LANES_FOOT = 46, 22
ROLE_SIZE, ROLE_BASELINE = 12, 4  # the role's name, its baseline this far below the lane's middle
LANE_TEXT_LEFT = 4
LANE_LEGEND_BOTTOM = 6
LANE_KEY_WIDTH, LANE_KEY_HEIGHT, LANE_KEY_RAISE = 22, 12, 10
LANE_KEY_GAP, LANE_KEY_SPACING, LANE_KEY_SIZE = 5, 14, 11.5
LANE_DASH = 6  # half the length of the "none" dash


def lane_cell(level: str, x: float, y: float, w: float, h: float) -> Markup:
    """Filled: leads. Outline, left half filled: contributes. Outline: consulted. Dash: none."""
    if level == "none":
        return dash(x + w / 2, y + h / 2, LANE_DASH)
    if level == "leads":
        return svg.rect(x, y, w, h, "fg-leads", rx=LANE_CELL_CORNER)
    outline = svg.rect(x, y, w, h, "fg-half" if level == "contributes" else "fg-ring", rx=LANE_CELL_CORNER,
                       fill="none", stroke="currentColor")
    return outline + half_box(x, y, w, h, LANE_CELL_CORNER) if level == "contributes" else outline


def _environment_runs(stages: list[dict]) -> list[tuple[str, int, int]]:
    """(environment, first stage index, last stage index) for each run of stages in one environment."""
    runs: list[tuple[str, int, int]] = []
    for i, stage in enumerate(stages):
        if runs and runs[-1][0] == stage["environment"]:
            runs[-1] = (runs[-1][0], runs[-1][1], i)
        else:
            runs.append((stage["environment"], i, i))
    return runs


def two_roles_svg(guide: Guide, ident: str = "fg-two-roles") -> Markup:
    """The two main roles as lanes along the stages, grouped by environment. Wide, for large screens."""
    stages, roles = guide.require("lifecycle"), guide.roles
    width = LANE_LABEL_WIDTH + LANE_COLUMN * len(stages) + LANE_RIGHT
    height = LANES_TOP + LANE_HEIGHT * len(roles) + LANES_FOOT
    left = [LANE_LABEL_WIDTH + LANE_COLUMN * i for i in range(len(stages))]
    body = []
    for env, first, last in _environment_runs(stages):
        x1, x2 = left[first] + LANE_CELL_INSET, left[last] + LANE_COLUMN - LANE_CELL_INSET
        name = guide.topic(env)["title"].replace(" environment", "")
        body.append(svg.element("line", class_="fg-env", x1=x1, y1=ENV_RULE, x2=x2, y2=ENV_RULE, stroke="currentColor"))
        body.append(svg.text((x1 + x2) / 2, ENV_BASELINE, name, "fg-strong", "middle", ENV_SIZE))
    body += [svg.text(x + LANE_COLUMN / 2, STAGE_BASELINE, stage["short"], "", "middle", STAGE_SIZE)
             for x, stage in zip(left, stages)]
    for j, role in enumerate(roles):
        y = LANES_TOP + LANE_HEIGHT * j
        body.append(svg.text(LANE_TEXT_LEFT, y + LANE_HEIGHT / 2 + ROLE_BASELINE, role["name"], "fg-strong", size=ROLE_SIZE))
        body += [lane_cell(guide.level_of(stage["id"], role["id"]), x + LANE_CELL_INSET, y + LANE_CELL_MARGIN,
                           LANE_COLUMN - 2 * LANE_CELL_INSET, LANE_HEIGHT - 2 * LANE_CELL_MARGIN)
                 for x, stage in zip(left, stages)]
    legend = svg.Legend(LANE_LABEL_WIDTH, height - LANE_LEGEND_BOTTOM, LANE_KEY_SIZE, LANE_KEY_WIDTH,
                        gap=LANE_KEY_GAP, spacing=LANE_KEY_SPACING)
    body += _level_legend(legend, _lane_key)
    desc = "Stages of a model's life from left to right, grouped into research, development and production. " + " ".join(
        f"{role['name']}: {role_in_words(guide, role)}." for role in roles)
    return diagram(ident, "The two roles along a model's path", desc, width, height, body, "fg-lanes")


def _lane_key(level: str, left: float, baseline: float) -> Markup:
    return lane_cell(level, left, baseline - LANE_KEY_RAISE, LANE_KEY_WIDTH, LANE_KEY_HEIGHT)
