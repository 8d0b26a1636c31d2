"""How a team splits a model's life between the two main roles, from the data file's ``team_designs``.

- ``<!-- team-design: DESIGN -->``: one design's stages × the two roles, each cell a level and a
  reason as in the ownership matrix, then what travels between the roles, where the design fails
  and which teams it suits;
- ``<!-- team-designs -->``: stages × designs, naming who leads each stage in each design.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.markup import facts, plain, row, table
from ..core.pages import design_section
from ..model.guide import Guide
from .common import labelled
from .ownership import level_cell, stage_link
from .registry import Context, marker

COMPARISON_CAPTION = "Who leads each stage of a model's life in each team design"
# The notes under a design's table: (data key, what the reader sees).
NOTES = (("travels", "What travels between the roles"), ("fails", "Where it fails"), ("suits", "Which teams it suits"))
NOBODY = "Nobody"


def design_caption(design: dict) -> str:
    level = design.get("mlops_level")
    named = f"{design['title']} design" + (f" (MLOps level {level})" if level is not None else "")
    return f"{named}: who owns each stage of a model's life, with the reason"


@marker("team-design", arg="DESIGN")
def build_team_design(ctx: Context, design: dict) -> Markup:
    guide, roles = ctx.guide, ctx.guide.roles
    rows = [row(stage_link(ctx, stage), [labelled(role["name"], level_cell(guide.design_cell(design["id"], stage["id"], role["id"])))
                                         for role in roles])
            for stage in guide.require("lifecycle")]
    matrix = table(plain(design_caption(design)), ["Stage", *(role["name"] for role in roles)], rows)
    notes = facts([(name, plain(design[key])) for key, name in NOTES], "fg-roles fg-design-notes")
    return Markup('<div class="fg-matrix fg-design">\n{}\n</div>\n\n{}').format(matrix, notes)


@marker("team-designs")
def build_team_designs(ctx: Context) -> Markup:
    guide, designs = ctx.guide, ctx.guide.require("team_designs")
    rows = [row(stage_link(ctx, stage), [plain(leaders(guide, design, stage)) for design in designs])
            for stage in guide.require("lifecycle")]
    headers = ["Stage", *(ctx.link(design_section(design["id"]), plain(design["title"])) for design in designs)]
    return table(COMPARISON_CAPTION, headers, rows)


def leaders(guide: Guide, design: dict, stage: dict) -> str:
    """"Data scientist", "ML engineer", both names, or "Nobody": who leads a stage in a design."""
    names = [role["name"] for role in guide.roles
             if guide.design_cell(design["id"], stage["id"], role["id"])["level"] == "leads"]
    return " and ".join(names) or NOBODY
