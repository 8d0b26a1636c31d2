"""The glossary is alphabetical: terms sorted within the page, each under the letter group that holds it."""

from __future__ import annotations

import re
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parents[1] / "docs" / "glossary.md"

GROUP = re.compile(r"^## (\w)–(\w) \{ #[\w-]+ \}$")  # "## A–D { #a-d }"
TERM = re.compile(r"^(\S.*?) \{ #([\w-]+) \}$")  # "Term { #id }", followed by a ":   definition" line


def sort_key(term: str) -> str:
    """How a reader looks a term up: letters and digits only, case ignored ("O\\*NET" files as "onet")."""
    return re.sub(r"[^a-z0-9 ]", "", term.replace("\\", "").lower())


def glossary_problems(text: str) -> list[str]:
    """Every term out of order, or under a letter group that does not hold its first letter."""
    problems, group, previous = [], None, ""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("## "):
            found = GROUP.match(line)
            group = (found.group(1).lower(), found.group(2).lower()) if found else None
            if not found:
                problems.append(f"heading {line!r} is not a letter group such as '## A–D {{ #a-d }}'")
            continue
        term = TERM.match(line)
        if not term or i + 1 == len(lines) or not lines[i + 1].startswith(":"):
            continue
        key = sort_key(term.group(1))
        if group is None:
            problems.append(f"{term.group(1)!r} stands outside any letter group")
        elif not group[0] <= key[:1] <= group[1]:
            problems.append(f"{term.group(1)!r} sits under {group[0].upper()}–{group[1].upper()}")
        if key < previous:
            problems.append(f"{term.group(1)!r} comes after a term that sorts later")
        previous = key
    return problems


def terms(text: str) -> list[str]:
    return [m.group(2) for line in text.splitlines() if (m := TERM.match(line))]


def test_the_glossary_is_alphabetical():
    text = GLOSSARY.read_text(encoding="utf-8")
    assert len(terms(text)) > 40  # the parser found the terms
    assert glossary_problems(text) == []


def test_a_term_out_of_order_is_reported():
    text = "## A–D { #a-d }\n\nCanary { #canary }\n:   c\n\nBI tools { #bi-tools }\n:   b\n"
    assert glossary_problems(text) == ["'BI tools' comes after a term that sorts later"]


def test_a_term_in_the_wrong_letter_group_is_reported():
    text = "## N–R { #n-r }\n\nRetraining { #retraining }\n:   r\n\n## S–Z { #s-z }\n\nRollback { #rollback }\n:   r\n"
    assert glossary_problems(text) == ["'Rollback' sits under S–Z"]


def test_case_and_punctuation_do_not_decide_the_order():
    text = "## M–O { #m-o }\n\nML engineer { #a }\n:   x\n\nMLOps { #b }\n:   x\n\nOEWS { #c }\n:   x\n\nO\\*NET { #d }\n:   x\n"
    assert glossary_problems(text) == []
