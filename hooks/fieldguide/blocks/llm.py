"""Who owns each stage of an LLM application, from the data file's ``llm_stages``.

- ``<!-- llm-ownership -->``: stages × the data scientist, the ML engineer and the AI engineer,
  each cell a level and a reason, as in the ownership matrix of a model's life.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.markup import plain, row, table
from .common import labelled
from .ownership import level_cell
from .registry import Context, marker

CAPTION = "Who owns each stage of an LLM application: leads, contributes, consulted or none, with the reason"
WHAT = "What happens"


@marker("llm-ownership")
def build_llm_ownership(ctx: Context) -> Markup:
    guide = ctx.guide
    stages, roles = guide.require("llm_stages"), guide.llm_roles
    rows = [_stage_row(stage, roles) for stage in stages]
    headers = ["Stage", WHAT, *(plain(role["name"]) for role in roles)]
    return Markup('<div class="fg-matrix">\n{}\n</div>').format(table(CAPTION, headers, rows))


def _stage_row(stage: dict, roles: list[dict]) -> Markup:
    """Each cell names its column too: on phones the stylesheet shows each stage as a card of labelled cells."""
    return row(plain(stage["title"]), [labelled(WHAT, plain(stage["what"])),
                                       *(labelled(role["name"], level_cell(stage[role["id"]])) for role in roles)])
