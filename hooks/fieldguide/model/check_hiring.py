"""The hiring kit beyond the schema: interview loops, the scoring rubric, and role-neutral shared tools."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import Problem, check_known, check_unique, keyed
from .check_skills import MAIN_ROLES

# Words that tie a clause to one role. In a skill several roles share, such a clause would be
# copied into every role's job description, so it belongs under that role's own `tools`.
_ROLE_WORDS = re.compile(r"\b(engineers?|scientists?|analysts?)\b", re.IGNORECASE)


def hiring_problems(data: dict, data_path: Path | None = None) -> list[Problem]:
    skills = {s["id"]: s for s in data.get("skills", [])}
    return [
        *_loop_problems(data.get("interview_loops", []), skills, [s["id"] for s in data["sources"]]),
        *_scoring_problems(data.get("scoring", []), [level["id"] for level in data.get("levels", [])]),
        *_shared_tools_problems(data.get("skills", [])),
    ]


def _loop_problems(loops: list[dict], skills: dict[str, dict], sources: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    roles = check_unique(keyed(loops, ("interview_loops",), "role"), "interview loop for role", problems)
    if loops:
        problems += [Problem(("interview_loops",), f"no loop for {role}; the hiring guide shows both roles")
                     for role in MAIN_ROLES if role not in roles]
    for i, loop in enumerate(loops):
        where = ("interview_loops", i)
        check_known([((*where, "sources", j), s) for j, s in enumerate(loop["sources"])], "source", sources, problems)
        check_unique(keyed(loop["stages"], (*where, "stages")), "stage id", problems)
        for j, stage in enumerate(loop["stages"]):
            problems += _stage_skill_problems(stage, (*where, "stages", j), loop["role"], skills)
    return problems


def _stage_skill_problems(stage: dict, where: tuple, role: str, skills: dict[str, dict]) -> list[Problem]:
    """A stage tests skills on its role's roadmap: the page links each one there."""
    problems: list[Problem] = []
    check_known([((*where, "skills", k), s) for k, s in enumerate(stage["skills"])], "skill", sorted(skills), problems)
    problems += [
        Problem((*where, "skills", k), f"'{skill}' is not on the {role} roadmap; add the role to the skill or test another")
        for k, skill in enumerate(stage["skills"]) if skill in skills and role not in skills[skill]["roles"]
    ]
    return problems


def _scoring_problems(rubric: list[dict], levels: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    check_known(keyed(rubric, ("scoring",), "level"), "level", levels, problems)
    scored = check_unique(keyed(rubric, ("scoring",), "level"), "level", problems)
    if rubric:
        problems += [Problem(("scoring",), f"no signals for level '{level}'; the rubric covers every level")
                     for level in levels if level not in scored]
    return problems


def _shared_tools_problems(skills: list[dict]) -> list[Problem]:
    return [
        Problem(("skills", i, "tools"), f"'{found.group(0)}' ties shared tools to one role; "
                "move that clause to the role's own `tools` under `roles`")
        for i, skill in enumerate(skills)
        if len(skill["roles"]) > 1 and (found := _ROLE_WORDS.search(skill.get("tools", "")))
    ]
