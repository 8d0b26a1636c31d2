"""Load the data file, validate it, and say exactly where any problem is.

Every problem is reported as ``file:line: key.path: what was expected``, so an
editor can jump straight to it. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, SchemaError, ValidationError

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "data" / "roles.schema.json"

Path_ = tuple  # a key path: ("topics", 4, "roles", "ml_engineer")


class DataError(Exception):
    """The data file is broken; ``problems`` holds one readable line per fault."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Problem:
    path: Path_
    message: str


def format_path(path: Path_) -> str:
    """("topics", 4, "roles") -> "topics[4].roles"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".") or "(top level)"


def load_data(path: Path) -> dict:
    """Parse, validate and cross-check the file; raise DataError listing every fault."""
    text = _read(path)
    data, lines, problems = _parse(text, path)
    if not problems:
        problems = schema_problems(data) or reference_problems(data) + _section_problems(data, path)
    if problems:
        raise DataError([_describe(path, lines, p) for p in problems])
    return data


def _section_problems(data: dict, path: Path) -> list[Problem]:
    """The checks each section's own module makes beyond the schema."""
    from .pay import pay_problems  # imported here: these modules build on this one
    from .lifecycle import problems as lifecycle_problems
    from .skills import problems as skills_problems

    return pay_problems(data, path) + skills_problems(data) + lifecycle_problems(data)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError([f"{shown(path)}: cannot read the data file: {error.strerror}"]) from None
    except UnicodeDecodeError:
        raise DataError([f"{shown(path)}: the data file is not UTF-8 text"]) from None


# libyaml's parser when PyYAML has it: same nodes and line marks, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, path: Path) -> tuple[object, dict, list[Problem]]:
    """YAML to plain Python, remembering the line of every key path."""
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise DataError([f"{shown(path)}: the data file is empty"])
        lines: dict = {}
        problems: list[Problem] = []
        data = _to_python(root, (), lines, problems, loader.construct_object)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{shown(path)}:{mark.line + 1}:{mark.column + 1}" if mark else shown(path)
        what = ", ".join(part for part in (error.context, error.problem) if part)
        raise DataError([f"{where}: not valid YAML: {what}"]) from None
    except yaml.YAMLError as error:
        raise DataError([f"{shown(path)}: not valid YAML: {error}"]) from None
    finally:
        loader.dispose()
    return data, lines, problems


def _to_python(node, path: Path_, lines: dict, problems: list[Problem], construct):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                lines[path + ("?",)] = key_node.start_mark.line + 1
                problems.append(Problem(path + ("?",), "a key must be plain text, not a list or mapping"))
                continue
            key = key_node.value
            if key in result:
                lines[path + (key,)] = key_node.start_mark.line + 1
                problems.append(Problem(path + (key,), "this key appears twice in the same mapping"))
                continue
            result[key] = _to_python(value_node, path + (key,), lines, problems, construct)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path + (i,), lines, problems, construct) for i, item in enumerate(node.value)]
    try:
        return _scalar(node, construct)
    except (ValueError, TypeError, yaml.YAMLError):  # an explicit tag that does not fit: `!!int nope`
        problems.append(Problem(path, f"cannot read {node.value!r} as {node.tag.rsplit(':', 1)[-1]}"))
        return None


def _scalar(node: yaml.ScalarNode, construct):
    """Strings stay strings; numbers, booleans and nulls keep their YAML meaning.

    Dates and timestamps are kept as written so the schema can check their form.
    """
    tag = node.tag.rsplit(":", 1)[-1]
    if tag in {"int", "float", "bool", "null"}:
        return construct(node)
    return node.value


# --- schema -----------------------------------------------------------------
#
# data/roles.schema.json is standard JSON Schema (Draft 2020-12), so editors check the
# file as you type and the build checks it with the standard validator. Each error is
# reworded for an editor and placed at its key path, so it gets a line number.

_TYPE_WANTED = {"object": "a mapping", "array": "a list", "string": "a string", "boolean": "true or false",
                "number": "a number", "integer": "a whole number", "null": "nothing (null)"}
_TYPE_NAMES = {str: "a string", bool: "true or false", int: "a number", float: "a number",
               list: "a list", dict: "a mapping", type(None): "nothing (null)"}


def load_schema(path: Path = SCHEMA_PATH) -> dict:
    """The schema, itself checked against the Draft 2020-12 meta-schema."""
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, SchemaError) as error:
        detail = getattr(error, "message", None) or str(error)
        raise DataError([f"{shown(path)}: not a usable JSON Schema: {detail}"]) from None
    return schema


def schema_problems(data, schema: dict | None = None) -> list[Problem]:
    validator = Draft202012Validator(schema or load_schema())
    problems = [problem for error in validator.iter_errors(data) for problem in _reword(error)]
    return sorted(problems, key=lambda p: [str(x) for x in p.path])


def _reword(error: ValidationError) -> list[Problem]:
    """One jsonschema error as the problems an editor can act on, each at its own key path."""
    path, keyword, wanted, value = tuple(error.absolute_path), error.validator, error.validator_value, error.instance
    if keyword == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [key for key in value if key not in allowed]
        return [Problem(path + (key,), f"unknown key; expected one of: {', '.join(allowed)}") for key in extra]
    if keyword == "required":
        missing = [key for key in wanted if key not in value]
        return [Problem(path, f"missing required key '{key}'") for key in missing]
    return [Problem(path, _message(keyword, wanted, value, error.message))]


def _message(keyword: str, wanted, value, fallback: str) -> str:
    got = _TYPE_NAMES.get(type(value), type(value).__name__)
    shown = f" ({value!r})" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    if keyword == "type":
        kinds = wanted if isinstance(wanted, list) else [wanted]
        return f"expected {' or '.join(_TYPE_WANTED.get(k, k) for k in kinds)}, got {got}{shown}"
    if keyword == "enum":
        return f"expected one of {', '.join(map(str, wanted))}, got {got}{shown}"
    if keyword == "pattern":
        return f"expected text of the form {_PATTERN_HINTS.get(wanted, wanted)}, got {got}{shown}"
    if keyword == "minLength":
        return "expected some text, got an empty string"
    if keyword == "minItems":
        return f"expected at least {wanted} items, got {len(value)}"
    if keyword == "maxItems":
        return f"expected at most {wanted} items, got {len(value)}"
    if keyword == "uniqueItems":
        return "expected each entry once, got a repeated entry"
    if keyword in {"minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"}:
        relation = {"minimum": "at least", "exclusiveMinimum": "more than",
                    "maximum": "at most", "exclusiveMaximum": "less than"}[keyword]
        return f"expected a number {relation} {wanted}, got {value!r}"
    return fallback  # a keyword without its own wording yet: the validator's own sentence


_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "lower-case-words-with-hyphens",
    "^[0-9]{2}-[0-9]{4}$": "a SOC code such as 15-2051",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date YYYY-MM-DD",
    "^https?://[^\\s]+$": "an https:// or http:// address",
    "^[a-z0-9][a-z0-9/_-]*\\.md$": "a page path such as roles/data-scientist.md",
}


# --- cross references ---------------------------------------------------------


def reference_problems(data: dict) -> list[Problem]:
    """Duplicate ids and references to things that do not exist."""
    problems: list[Problem] = []
    ids = {}
    for section in ("roles", "categories", "topics", "sources"):
        ids[section] = unique_ids(data[section], section, problems)
    for i, topic in enumerate(data["topics"]):
        if topic["category"] not in ids["categories"]:
            problems.append(Problem(("topics", i, "category"), unknown("category", topic["category"], ids["categories"])))
        for j, source in enumerate(topic.get("sources", [])):
            if source not in ids["sources"]:
                problems.append(Problem(("topics", i, "sources", j), unknown("source", source, ids["sources"])))
    for i, category in enumerate(data["categories"]):
        if not any(t["category"] == category["id"] for t in data["topics"]):
            problems.append(Problem(("categories", i, "id"), "this category has no topics"))
    return problems


def unique_ids(items: list[dict], section: str, problems: list[Problem]) -> list[str]:
    """Each item's id once; a repeat is a problem at the repeat, naming the first."""
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item["id"] in seen:
            problems.append(Problem((section, i, "id"), f"duplicate id '{item['id']}', already used at {section}[{seen[item['id']]}]"))
        else:
            seen[item["id"]] = i
    return list(seen)


def unknown(kind: str, value: str, known: list[str]) -> str:
    return f"unknown {kind} '{value}'; expected one of: {', '.join(known)}"


def _describe(file: Path, lines: dict, problem: Problem) -> str:
    return f"{shown(file)}:{_line_of(lines, problem.path)}: {format_path(problem.path)}: {problem.message}"


def shown(file: Path) -> str:
    """The path as the editor knows it: relative to the working folder when inside it."""
    try:
        return str(Path(file).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)


def _line_of(lines: dict, path: Path_) -> int:
    """The line of the deepest part of the path that the file actually has."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)
