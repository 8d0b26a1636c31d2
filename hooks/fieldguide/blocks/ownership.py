"""Who owns each stage of a model's life, from the data file's ``lifecycle``, ``ownership`` and ``neighbouring_roles``.

- ``<!-- ownership-matrix -->``: stages × roles, each cell a level and a reason;
- ``<!-- ownership-map -->``: the same matrix drawn as a grid of symbols;
- ``<!-- two-roles -->``: the two main roles along a model's path, for the home page;
- ``<!-- lifecycle-stages -->``: the stages with their environment, who leads and what passes on;
- ``<!-- neighbour: NEIGHBOUR -->``: a neighbouring role's section heading and its sources.
"""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from ..core import svg
from ..core.markup import heading, link, plain, row, table
from ..model.check_ownership import LEVELS
from ..model.guide import Guide
from .common import sources_note
from .diagrams import diagram, figure
from .registry import Context, marker

LEVEL_NAMES = {"leads": "Leads", "contributes": "Contributes", "consulted": "Consulted", "none": "None"}

MATRIX_CAPTION = "Who owns each stage of a model's life: leads, contributes, consulted or none, with the reason"
STAGES_CAPTION = "The stages of a model's life, who leads each, and what it passes on"
MAP_CAPTION = ("Filled: leads. Half filled: contributes. Ring: consulted. Dash: no part. "
               "The table below gives every cell with its reason.")


def _stage_link(ctx: Context, stage: dict) -> Markup:
    """A stage's title, linking to the section the data file names for it ("page.md#anchor")."""
    page, _, anchor = stage["section"].partition("#")
    return link(ctx.href(page, anchor), plain(stage["title"]))


def _leaders(guide: Guide, stage: dict, roles: list[dict]) -> list[dict]:
    return [role for role in roles if guide.level_of(stage["id"], role["id"]) == "leads"]


# --- the matrix and the stages table ------------------------------------------------------------


@marker("ownership-matrix")
def build_ownership_matrix(ctx: Context) -> Markup:
    guide, roles = ctx.guide, ctx.guide.all_roles
    rows = [row(_stage_link(ctx, stage), [_level_cell(guide.ownership[stage["id"]][role["id"]]) for role in roles])
            for stage in guide.require("lifecycle")]
    matrix = table(MATRIX_CAPTION, ["Stage", *(role["name"] for role in roles)], rows)
    return Markup('<div class="fg-matrix">\n{}\n</div>').format(matrix)


def _level_cell(cell: dict) -> Markup:
    level = cell["level"]
    return Markup('<span class="fg-level fg-level-{}">{}</span> {}').format(level, LEVEL_NAMES[level], plain(cell["why"]))


@marker("lifecycle-stages")
def build_lifecycle_stages(ctx: Context) -> Markup:
    guide = ctx.guide
    rows = [row(_stage_link(ctx, stage), [
        plain(guide.topic(stage["environment"])["title"]),
        plain(", ".join(role["name"] for role in _leaders(guide, stage, guide.all_roles)) or "Nobody"),
        plain(stage["passes_on"]),
    ]) for stage in guide.require("lifecycle")]
    return table(STAGES_CAPTION, ["Stage", "Environment", "Leads", "What passes on"], rows)


# --- the map: stages down, roles across, a symbol per cell ---------------------------------------

MAP_LABEL_WIDTH = 178  # the stages' titles, left of the grid
MAP_COLUMN = 36  # one per role, headed by its short name
MAP_NAMED_COLUMN = 44  # at least this when the columns carry full names (the narrow home picture)
MAP_NAME_PADDING = 10
MAP_ROW, MAP_TOP, MAP_FOOT = 26, 30, 36  # a stage's row; room for the column heads above, the legend below
MAP_HEAD_BASELINE, MAP_ROW_BASELINE = 18, 17
MAP_RIGHT = 8
MAP_SIZE = 11
MAP_TEXT_LEFT = 4
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
    return svg.element("line", class_="fg-none", x1=x - DASH, y1=y, x2=x + DASH, y2=y, stroke="currentColor")


def symbol_legend(x: float, y: float) -> list[Markup]:
    return _level_legend(svg.Legend(x, y, MAP_SIZE, KEY_SWATCH, gap=KEY_GAP, spacing=KEY_SPACING), _symbol_key)


def _level_legend(legend: svg.Legend, draw_key) -> list[Markup]:
    """One key per ownership level, drawn by draw_key(level, left, baseline)."""
    for level in LEVELS:
        legend.key(partial(draw_key, level), LEVEL_NAMES[level], css_class="")
    return legend.body


def _symbol_key(level: str, left: float, baseline: float) -> Markup:
    return level_symbol(level, left + KEY_SWATCH / 2, baseline - KEY_RAISE, KEY_RADIUS)


def ownership_map_svg(guide: Guide, ident: str = "fg-ownership-map", role_ids: list[str] | None = None) -> Markup:
    """Stages down, roles across, a symbol per cell: narrow enough for a phone.

    With role_ids, only those roles, headed by their full names; otherwise every role, by its short name.
    """
    named = role_ids is not None
    roles = [r for r in guide.all_roles if not named or r["id"] in role_ids]
    stages = guide.require("lifecycle")
    column = MAP_COLUMN
    if named:
        column = max([MAP_NAMED_COLUMN] + [svg.text_width(r["name"], MAP_SIZE) + MAP_NAME_PADDING for r in roles])
    width = MAP_LABEL_WIDTH + column * len(roles) + MAP_RIGHT
    height = MAP_TOP + MAP_ROW * len(stages) + MAP_FOOT
    centres = [MAP_LABEL_WIDTH + column * j + column / 2 for j in range(len(roles))]
    body = [svg.text(x, MAP_HEAD_BASELINE, r["name"] if named else r.get("short", r["name"]), "fg-strong", "middle", MAP_SIZE)
            for x, r in zip(centres, roles)]
    for i, stage in enumerate(stages):
        y = MAP_TOP + MAP_ROW * i
        if i and stage["environment"] != stages[i - 1]["environment"]:
            body.append(svg.element("line", class_="fg-rule", x1=0, y1=y, x2=width, y2=y, stroke="currentColor"))
        body.append(svg.text(MAP_TEXT_LEFT, y + MAP_ROW_BASELINE, stage["title"], size=MAP_SIZE))
        body += [level_symbol(guide.level_of(stage["id"], r["id"]), x, y + MAP_ROW / 2) for x, r in zip(centres, roles)]
    body += symbol_legend(MAP_TEXT_LEFT, height - LEGEND_BOTTOM)
    summary = "; ".join(f"{stage['title']}: " + ", ".join(
        f"{r['name']} {level}" for r in roles if (level := guide.level_of(stage["id"], r["id"])) != "none")
        for stage in stages)
    if named:
        title, lead = "The two roles along a model's life", "Stages from top to bottom. "
    else:
        names = ", ".join(f"{r.get('short', r['name'])} = {r['name']}" for r in roles)
        title, lead = "Who owns each stage of a model's life", f"Stages from top to bottom, roles across ({names}). "
    return diagram(ident, title, lead + summary + ".", width, height, body, "fg-map")


@marker("ownership-map")
def build_ownership_map(ctx: Context) -> Markup:
    return figure(ownership_map_svg(ctx.guide), plain(MAP_CAPTION))


# --- the home page picture: the two main roles as lanes along the stages ---------------------------

LANE_LABEL_WIDTH = 112  # the roles' names, left of the lanes
LANE_COLUMN, LANE_HEIGHT = 56, 26  # a stage's width; a role's lane
LANE_RIGHT = 4
LANE_CELL_INSET = 2  # each side of a cell within its column
LANE_CELL_MARGIN = 4  # above and below a cell within its lane
LANE_CELL_CORNER = 3
ENV_BASELINE, ENV_RULE, ENV_SIZE = 16, 22, 12  # the environments' names over their stages, and the rule under them
STAGE_BASELINE, STAGE_SIZE = 38, 10.5  # the stages' short names
LANES_TOP, LANES_FOOT = 48, 24
ROLE_SIZE, ROLE_BASELINE = 12, 4  # the role's name, its baseline this far below the lane's middle
LANE_TEXT_LEFT = 4
LANE_LEGEND_BOTTOM = 6
LANE_KEY_WIDTH, LANE_KEY_HEIGHT, LANE_KEY_RAISE = 22, 12, 10
LANE_KEY_GAP, LANE_KEY_SPACING, LANE_KEY_SIZE = 5, 14, 11
LANE_CLASS = {"leads": "fg-leads", "contributes": "fg-half", "consulted": "fg-ring"}


def lane_cell(level: str, x: float, y: float, w: float, h: float) -> Markup:
    """Filled: leads. Half tone: contributes. Outline: consulted. Empty: none."""
    if level == "none":
        return svg.rect(x, y, w, h, "fg-empty", fill="none")
    outline = {"fill": "none", "stroke": "currentColor"} if level == "consulted" else {}
    return svg.rect(x, y, w, h, LANE_CLASS[level], rx=LANE_CELL_CORNER, **outline)


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
    body += _lane_legend(LANE_LABEL_WIDTH, height - LANE_LEGEND_BOTTOM)
    desc = "Stages of a model's life from left to right, grouped into research, development and production. " + " ".join(
        f"{role['name']} leads: " + ", ".join(_led_stages(guide, role)) + "." for role in roles)
    return diagram(ident, "The two roles along a model's path", desc, width, height, body, "fg-lanes")


def _lane_legend(x: float, y: float) -> list[Markup]:
    legend = svg.Legend(x, y, LANE_KEY_SIZE, LANE_KEY_WIDTH, gap=LANE_KEY_GAP, spacing=LANE_KEY_SPACING)
    return _level_legend(legend, _lane_key)


def _lane_key(level: str, left: float, baseline: float) -> Markup:
    return lane_cell(level, left, baseline - LANE_KEY_RAISE, LANE_KEY_WIDTH, LANE_KEY_HEIGHT)


def _led_stages(guide: Guide, role: dict) -> list[str]:
    """The short names, in lower case, of the stages a role leads."""
    return [stage["short"].lower() for stage in guide.require("lifecycle") if guide.level_of(stage["id"], role["id"]) == "leads"]


@marker("two-roles")
def build_two_roles(ctx: Context) -> Markup:
    guide = ctx.guide
    wide = two_roles_svg(guide)
    narrow = ownership_map_svg(guide, "fg-two-roles-narrow", [r["id"] for r in guide.roles])
    words = Markup(" ").join(
        Markup("{} leads: {}.").format(plain(role["name"]), plain(", ".join(_led_stages(guide, role)) or "no stage"))
        for role in guide.roles)
    return Markup(
        '<figure class="fg-figure fg-two-roles">\n<div class="fg-wide">{}</div>\n<div class="fg-narrow">{}</div>\n'
        '<figcaption><span class="fg-in-words">In words: {}</span></figcaption>\n</figure>'
    ).format(wide, narrow, words)


# --- neighbouring roles ------------------------------------------------------------------------------


@marker("neighbour", arg="NEIGHBOUR")
def build_neighbour(ctx: Context, role: dict) -> Markup:
    """A neighbouring role's heading, with its id as the anchor, and its nearest references."""
    title = heading(2, role["name"], role["id"])
    if not role.get("sources"):
        return title
    return title + Markup("\n\n") + sources_note(ctx, role["sources"], lead="Nearest references")
