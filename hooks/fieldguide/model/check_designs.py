"""Team designs (`team_designs`): each one splits every stage of a model's life between the two main roles.

A design has one row per stage of `lifecycle`, each with a {level, why} cell for the data scientist
and the ML engineer: the same cells as the ownership matrix. The design marked `shown_in_matrix` is
the one the matrix draws, so its levels must agree with the matrix's.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import Problem, check_known, check_unique, format_path, keyed
from .check_ownership import cell_problems

# The columns of every design's table, in order.
DESIGN_ROLES = ("data_scientist", "ml_engineer")
SECTION = ("team_designs",)


def design_problems(data: dict, data_path: Path | None = None) -> list[Problem]:
    designs = data.get("team_designs")
    if designs is None:
        return []
    stage_ids = [stage["id"] for stage in data.get("lifecycle", [])]
    if not stage_ids:
        return [Problem(SECTION, "the designs split the stages of 'lifecycle', which the file leaves out")]
    problems: list[Problem] = []
    check_unique(keyed(designs, SECTION), "design id", problems)
    for i, design in enumerate(designs):
        problems += _rows_problems(design["ownership"], (*SECTION, i, "ownership"), stage_ids)
    problems += _matrix_problems(designs, data.get("ownership", []))
    return problems


def _rows_problems(rows: list[dict], path: tuple, stage_ids: list[str]) -> list[Problem]:
    """Every stage once, and no other; in each row a valid cell for each main role and for nothing else."""
    problems: list[Problem] = []
    entries = keyed(rows, path, "stage")
    check_known(entries, "stage", stage_ids, problems)
    seen = check_unique([(where, stage) for where, stage in entries if stage in stage_ids], "stage", problems)
    for j, row in enumerate(rows):
        problems += _cells_problems(row, (*path, j))
    problems += [Problem(path, f"no row for stage '{stage}'") for stage in stage_ids if stage not in seen]
    return problems


def _cells_problems(row: dict, path: tuple) -> list[Problem]:
    problems: list[Problem] = []
    keys = [key for key in row if key != "stage"]
    check_known([((*path, key), key) for key in keys], "role", DESIGN_ROLES, problems)
    for role in DESIGN_ROLES:
        if role in row:
            problems += cell_problems(row[role], (*path, role))
        else:
            problems.append(Problem(path, f"missing the cell for role '{role}'"))
    return problems


def _matrix_problems(designs: list[dict], matrix: list[dict]) -> list[Problem]:
    """At most one design is the matrix's, and where both say something, they say the same."""
    shown = [i for i, design in enumerate(designs) if design.get("shown_in_matrix")]
    problems = [Problem((*SECTION, i, "shown_in_matrix"), f"only one design can be the matrix's; "
                        f"{format_path((*SECTION, shown[0]))} already is") for i in shown[1:]]
    if not shown:
        return problems
    levels = {(row["stage"], role): _level(row.get(role)) for row in matrix for role in DESIGN_ROLES}
    path = (*SECTION, shown[0], "ownership")
    for j, row in enumerate(designs[shown[0]]["ownership"]):
        for role in DESIGN_ROLES:
            want, got = levels.get((row.get("stage"), role)), _level(row.get(role))
            if want and got and want != got:
                problems.append(Problem((*path, j, role, "level"), f"the ownership matrix says '{want}' here; "
                                        "the design it shows must say the same"))
    return problems


def _level(cell) -> str | None:
    return cell.get("level") if isinstance(cell, dict) else None
