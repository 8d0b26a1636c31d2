"""Skills, levels, hiring kit, self-assessment and job-posting signals: the checks beyond the schema."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import Problem, check_known, check_unique, keyed, unknown

MAIN_ROLES = ("data_scientist", "ml_engineer")


def skills_problems(data: dict, data_path: Path | None = None) -> list[Problem]:
    """Duplicate ids, unknown references and patterns that would not run in both Python and browsers."""
    problems: list[Problem] = []
    topics = [t["id"] for t in data["topics"]]
    sources = [s["id"] for s in data["sources"]]
    skills = list(check_unique(keyed(data.get("skills", []), ("skills",)), "id", problems))
    check_unique(keyed(data.get("levels", []), ("levels",)), "id", problems)
    check_unique(keyed(data.get("signals", []), ("signals",)), "id", problems)
    check_unique(keyed(data.get("job_descriptions", []), ("job_descriptions",), "role"), "job description for role", problems)
    for i, skill in enumerate(data.get("skills", [])):
        if not skill["roles"]:
            problems.append(Problem(("skills", i, "roles"), "name at least one role that needs this skill"))
        check_known([(("skills", i, "topics", j), t) for j, t in enumerate(skill.get("topics", []))], "topic", sorted(topics), problems)
    for i, level in enumerate(data.get("levels", [])):
        check_known([(("levels", i, "sources", j), s) for j, s in enumerate(level["sources"])], "source", sorted(sources), problems)
    statements = data.get("assessment", [])
    for role in MAIN_ROLES:
        if statements and not any(s["role"] == role for s in statements):
            problems.append(Problem(("assessment",), f"no statement points to {role}; the self-assessment needs both roles"))
    for i, signal in enumerate(data.get("signals", [])):
        problems += _signal_problems(i, signal, set(skills), set(topics))
    if data.get("signals"):
        problems += _reader_problems(data)
    return problems


def _reader_problems(data: dict) -> list[Problem]:
    """The reader's rules: present, each pattern portable, and evidence for both main roles."""
    problems = [Problem(("signals",), f"no evidence signal for {role}; the reader could never name that role")
                for role in MAIN_ROLES
                if not any(s["kind"] == role and s["role"] == "evidence" for s in data["signals"])]
    rules = data.get("reader")
    if rules is None:
        return [*problems, Problem(("signals",), "the signals need the reader's rules: add `reader:` with sections, "
                                   "passages, negation and verdict")]
    patterns = [(("reader", "negation", key), rules["negation"][key]) for key in ("before", "after", "boundary")]
    for part in ("sections", "passages"):
        check_unique(keyed(rules[part], ("reader", part)), "id", problems)
        patterns += [(("reader", part, i, key), rule[key]) for i, rule in enumerate(rules[part])
                     for key in ("pattern", "unless") if key in rule]
    problems += [Problem(where, message) for where, pattern in patterns if (message := pattern_problem(pattern))]
    return problems


def _signal_problems(i: int, signal: dict, skills: set, topics: set) -> list[Problem]:
    problems = []
    where = ("signals", i)
    targets = [key for key in ("skill", "topic") if key in signal]
    if len(targets) != 1:
        problems.append(Problem(where, "point to exactly one skill or topic, with `skill:` or `topic:`"))
    elif signal.get("skill") is not None and signal["skill"] not in skills:
        problems.append(Problem(where + ("skill",), unknown("skill", signal["skill"], sorted(skills))))
    elif signal.get("topic") is not None and signal["topic"] not in topics:
        problems.append(Problem(where + ("topic",), unknown("topic", signal["topic"], sorted(topics))))
    if isinstance(signal["weight"], bool):
        problems.append(Problem(where + ("weight",), "expected 1, 2 or 3, got true or false"))
    message = pattern_problem(signal["pattern"])
    if message:
        problems.append(Problem(where + ("pattern",), message))
    return problems


# Syntax Python accepts but browsers do not (or read differently): refused, so the two never disagree.
_NOT_PORTABLE = [
    (re.compile(r"\(\?<[=!]"), "lookbehind `(?<=` or `(?<!`"),
    (re.compile(r"\(\?P|\(\?<[A-Za-z]"), "a named group"),
    (re.compile(r"\(\?[aiLmsux-]+[:)]"), "an inline flag such as `(?i)`"),
    (re.compile(r"\(\?[>#(]"), "an atomic group, comment or conditional"),
    (re.compile(r"[*+?}][+]"), "a possessive quantifier such as `a*+`"),
    (re.compile(r"\\[AZzGpPN]"), "an escape only Python knows (`\\A`, `\\Z`, `\\p`, ...)"),
    (re.compile(r"\{,"), "a quantifier without a lower bound, `{,n}`"),
]


def pattern_problem(pattern: str) -> str | None:
    """Why a signal's pattern cannot be used, or None when it is fine in Python and JavaScript."""
    unescaped = re.sub(r"\\\\", "", pattern)  # an escaped backslash starts nothing
    for rule, name in _NOT_PORTABLE:
        if rule.search(unescaped):
            return f"the pattern uses {name}, which browsers do not read the same way; rewrite it without"
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        return f"the pattern does not compile: {error}"
    if compiled.fullmatch(""):
        return "the pattern matches empty text; every posting would match it"
    return None
