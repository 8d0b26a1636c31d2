"""Who owns each stage of a model's life, from the data file's ``lifecycle``, ``ownership`` and ``neighbouring_roles``.

- ``<!-- ownership-matrix -->``: stages × roles, each cell a level and a reason;
- ``<!-- ownership-map -->``: the same matrix drawn as a grid of symbols, wide and narrow;
- ``<!-- two-roles -->``: the two main roles along a model's path, for the home page;
- ``<!-- lifecycle-stages -->``: the stages with their environment, who leads and what passes on;
- ``<!-- neighbour: NEIGHBOUR -->``: a neighbouring role's section heading and its sources.

The drawings themselves are in ownership_drawings.py.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.markup import heading, link, plain, row, table
from ..model.guide import Guide
from .common import labelled, sources_note
from .diagrams import switched_figure
from .ownership_drawings import LEVEL_NAMES, ownership_map_svg, role_in_words, two_roles_svg
from .registry import Context, marker

MATRIX_CAPTION = "Who owns each stage of a model's life: leads, contributes, consulted or none, with the reason"
STAGES_CAPTION = "The stages of a model's life, who leads each, and what it passes on"
MAP_CAPTION = ("Filled: leads. Half filled: contributes. Ring: consulted. Dash: no part. "
               "The table below gives every cell with its reason.")


def stage_link(ctx: Context, stage: dict) -> Markup:
    """A stage's title, linking to the section the data file names for it ("page.md#anchor")."""
    page, _, anchor = stage["section"].partition("#")
    return link(ctx.href(page, anchor), plain(stage["title"]))


def _leaders(guide: Guide, stage: dict, roles: list[dict]) -> list[dict]:
    return [role for role in roles if guide.level_of(stage["id"], role["id"]) == "leads"]


# --- the matrix and the stages table ------------------------------------------------------------


@marker("ownership-matrix")
def build_ownership_matrix(ctx: Context) -> Markup:
    guide, roles = ctx.guide, ctx.guide.all_roles

    rows = [row(stage_link(ctx, stage), [labelled(role["name"], level_cell(guide.ownership[stage["id"]][role["id"]]))
                                         for role in roles])
            for stage in guide.require("lifecycle")]
    matrix = table(MATRIX_CAPTION, ["Stage", *(role["name"] for role in roles)], rows)
    return Markup('<div class="fg-matrix">\n{}\n</div>').format(matrix)


def level_cell(cell: dict) -> Markup:
    level = cell["level"]
    return Markup('<span class="fg-level fg-level-{}">{}</span> {}').format(level, LEVEL_NAMES[level], plain(cell["why"]))


@marker("lifecycle-stages")
def build_lifecycle_stages(ctx: Context) -> Markup:
    guide = ctx.guide
    rows = [row(stage_link(ctx, stage), [
        plain(guide.topic(stage["environment"])["title"]),
        plain(", ".join(role["name"] for role in _leaders(guide, stage, guide.all_roles)) or "Nobody"),
        plain(stage["passes_on"]),
    ]) for stage in guide.require("lifecycle")]
    return table(STAGES_CAPTION, ["Stage", "Environment", "Leads", "What passes on"], rows)


# --- the drawings (ownership_drawings.py): the map, and the home page's two roles --------------------


@marker("ownership-map")
def build_ownership_map(ctx: Context) -> Markup:
    wide, narrow = ownership_map_svg(ctx.guide), ownership_map_svg(ctx.guide, "fg-ownership-map-narrow", narrow=True)
    return switched_figure(wide, narrow, plain(MAP_CAPTION))


@marker("two-roles")
def build_two_roles(ctx: Context) -> Markup:
    guide = ctx.guide
    narrow = ownership_map_svg(guide, "fg-two-roles-narrow", [r["id"] for r in guide.roles], narrow=True)
    items = Markup("").join(Markup("<li>{}: {}.</li>").format(plain(role["name"]), plain(role_in_words(guide, role)))
                            for role in guide.roles)
    caption = Markup('<ul class="fg-in-words">{}</ul>').format(items)  # each item starts with the role: no lead needed
    return switched_figure(two_roles_svg(guide), narrow, caption, "fg-two-roles")


# --- neighbouring roles ------------------------------------------------------------------------------


@marker("neighbour", arg="NEIGHBOUR")
def build_neighbour(ctx: Context, role: dict) -> Markup:
    """A neighbouring role's heading, with its id as the anchor, and its nearest references."""
    title = heading(2, role["name"], role["id"])
    if not role.get("sources"):
        return title
    return title + Markup("\n\n") + sources_note(ctx, role["sources"], lead="Nearest references")
