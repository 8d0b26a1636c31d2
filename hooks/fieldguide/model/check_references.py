"""Duplicate ids and references to things that do not exist, across the whole file.

Each section's own rules live beside it (check_pay, check_ownership, check_skills);
these are the references that tie the sections together.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import Problem, check_known, check_unique, keyed

_SECTIONS = ("roles", "categories", "topics", "sources")


def reference_problems(data: dict, data_path: Path | None = None) -> list[Problem]:
    problems: list[Problem] = []
    ids = {section: list(check_unique(keyed(data[section], (section,)), "id", problems)) for section in _SECTIONS}
    check_known(keyed(data["topics"], ("topics",), "category"), "category", ids["categories"], problems)
    for i, topic in enumerate(data["topics"]):
        check_known(_listed(topic, ("topics", i), "sources"), "source", ids["sources"], problems)
    for i, category in enumerate(data["categories"]):
        if not any(t["category"] == category["id"] for t in data["topics"]):
            problems.append(Problem(("categories", i, "id"), "this category has no topics"))
    problems += _lifecycle_references(data, ids)
    return problems


def _listed(item: dict, path: tuple, key: str) -> list[tuple]:
    return [((*path, key, j), value) for j, value in enumerate(item.get(key, []))]


def _lifecycle_references(data: dict, ids: dict) -> list[Problem]:
    """Neighbouring roles, the ways back, the hand-offs and the stages of a model's life."""
    problems: list[Problem] = []
    neighbours = data.get("neighbouring_roles", [])
    check_unique(keyed(data["roles"], ("roles",)) + keyed(neighbours, ("neighbouring_roles",)), "role id", problems)
    for i, role in enumerate(neighbours):
        check_known(_listed(role, ("neighbouring_roles", i), "sources"), "source", ids["sources"], problems)
    for key in ("process_loop", "handoffs"):
        for end in ("from", "to"):
            check_known(keyed(data.get(key, []), (key,), end), "topic", ids["topics"], problems)
    problems += _ways_back_stay_in_their_category(data)
    stages = data.get("lifecycle", [])
    check_unique(keyed(stages, ("lifecycle",)), "stage id", problems)
    check_known(keyed(stages, ("lifecycle",), "environment"), "topic", ids["topics"], problems)
    return problems


def _ways_back_stay_in_their_category(data: dict) -> list[Problem]:
    """A way back is drawn in its category's loop; one that leaves the category has no place there."""
    category = {t["id"]: t["category"] for t in data["topics"]}
    return [
        Problem(("process_loop", i, "to"), f"a way back stays inside one category: '{loop['from']}' is in "
                f"'{category[loop['from']]}', '{loop['to']}' in '{category[loop['to']]}'")
        for i, loop in enumerate(data.get("process_loop", []))
        if loop["from"] in category and loop["to"] in category and category[loop["from"]] != category[loop["to"]]
    ]
