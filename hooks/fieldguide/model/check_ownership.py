"""The ownership matrix: one row per stage of a model's life, one cell per role, each a level and a reason."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import Problem, check_known, check_unique, keyed

LEVELS = ("leads", "contributes", "consulted", "none")


def ownership_problems(data: dict, data_path: Path | None = None) -> list[Problem]:
    if "ownership" not in data:
        return []
    role_ids = [r["id"] for r in [*data["roles"], *data.get("neighbouring_roles", [])]]
    stage_ids = [s["id"] for s in data.get("lifecycle", [])]
    rows = data["ownership"]
    problems: list[Problem] = []
    check_known(keyed(rows, ("ownership",), "stage"), "stage", stage_ids, problems)
    seen = check_unique([(p, s) for p, s in keyed(rows, ("ownership",), "stage") if s in stage_ids], "stage", problems)
    for i, row in enumerate(rows):
        cells = [key for key in row if key != "stage"]
        check_known([(("ownership", i, key), key) for key in cells], "role", role_ids, problems)
        for key in cells:
            problems += cell_problems(row[key], ("ownership", i, key))
        problems += [Problem(("ownership", i), f"missing the cell for role '{role}'") for role in role_ids if role not in row]
    problems += [Problem(("ownership",), f"no row for stage '{stage}'") for stage in stage_ids if stage not in seen]
    return problems


def cell_problems(cell, path: tuple) -> list[Problem]:
    """A {level, why} cell: a known level and a reason. Shared with the LLM stages."""
    # The schema says the same; checked here too so that a checker which skips
    # schema-valued additionalProperties still never lets a bad cell reach a renderer.
    if not isinstance(cell, dict):
        return [Problem(path, "expected a mapping with 'level' and 'why'")]
    problems = []
    if cell.get("level") not in LEVELS:
        problems.append(Problem(path + ("level",), f"expected one of {', '.join(LEVELS)}, got {cell.get('level')!r}"))
    if not isinstance(cell.get("why"), str) or not cell.get("why", "").strip():
        problems.append(Problem(path + ("why",), "expected a short reason as text"))
    problems += [Problem(path + (key,), "unknown key; expected one of: level, why") for key in cell if key not in ("level", "why")]
    return problems
