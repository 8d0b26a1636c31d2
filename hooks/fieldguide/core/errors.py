"""The package's errors, and the few helpers every check uses to describe a problem."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KeyPath = tuple  # a key path into the data: ("topics", 4, "roles", "ml_engineer")


class DataError(Exception):
    """The data file is broken; ``problems`` holds one ``file:line: key.path: message`` line per fault."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class MarkerError(ValueError):
    """A page asked for a block, a role, a figure or a section the data cannot give."""


@dataclass(frozen=True)
class Problem:
    path: KeyPath
    message: str


def format_path(path: KeyPath) -> str:
    """("topics", 4, "roles") -> "topics[4].roles"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".") or "(top level)"


def unknown(kind: str, value: object, known: Iterable[str]) -> str:
    """The one wording for a reference to something that does not exist."""
    return f"unknown {kind} '{value}'; expected one of: {', '.join(known)}"


def keyed(items: list[dict], section: KeyPath, key: str = "id") -> list[tuple[KeyPath, str]]:
    """(path, value) of one key in every item of a list: the input of the two checks below."""
    return [((*section, i, key), item[key]) for i, item in enumerate(items) if key in item]


def check_unique(entries: Iterable[tuple[KeyPath, str]], what: str, problems: list[Problem]) -> dict[str, KeyPath]:
    """Each value once; a repeat is a problem at the repeat, naming the first. Returns value -> first path."""
    seen: dict[str, KeyPath] = {}
    for path, value in entries:
        if value in seen:
            problems.append(Problem(path, f"duplicate {what} '{value}', already used at {format_path(seen[value][:-1])}"))
        else:
            seen[value] = path
    return seen


def check_known(entries: Iterable[tuple[KeyPath, str]], kind: str, known: Iterable[str], problems: list[Problem]) -> None:
    """Every value names something that exists."""
    known = list(known)
    problems += [Problem(path, unknown(kind, value, known)) for path, value in entries if value not in known]
