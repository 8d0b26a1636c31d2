"""The stages of an LLM application (`llm_stages`): each stage names who owns it among three roles.

Each stage has an id, a title, a line on what happens, and one {level, why} cell per role in
LLM_ROLES, the same cells as the ownership matrix.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import Problem, check_unique, keyed
from .check_ownership import cell_problems

# The columns of the LLM ownership table, in order: the two main roles and the AI engineer.
LLM_ROLES = ("data_scientist", "ml_engineer", "ai-engineer")
SECTION = ("llm_stages",)


def llm_problems(data: dict, data_path: Path | None = None) -> list[Problem]:
    stages = data.get("llm_stages")
    if stages is None:
        return []
    problems: list[Problem] = []
    check_unique(keyed(stages, SECTION), "stage id", problems)
    problems += _missing_roles(data)
    for i, stage in enumerate(stages):
        problems += _stage_problems(stage, (*SECTION, i))
    return problems


def _missing_roles(data: dict) -> list[Problem]:
    """Each role of the table must exist, so its column has a name."""
    known = {role["id"] for role in [*data["roles"], *data.get("neighbouring_roles", [])]}
    return [Problem(SECTION, f"role '{role}' is in neither roles nor neighbouring_roles; the table needs its name")
            for role in LLM_ROLES if role not in known]


def _stage_problems(stage: dict, path: tuple) -> list[Problem]:
    problems = [Problem(path, f"missing the cell for role '{role}'") for role in LLM_ROLES if role not in stage]
    for role in LLM_ROLES:
        if role in stage:
            problems += cell_problems(stage[role], (*path, role))
    return problems
