"""Load the data file, validate it, and say exactly where any problem is.

Every problem is reported as ``file:line: key.path: what was expected``, so an
editor can jump straight to it. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

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
        problems = schema_problems(data) or reference_problems(data) + _skills_problems(data)
    if problems:
        raise DataError([_describe(path, lines, p) for p in problems])
    return data


def _skills_problems(data: dict) -> list[Problem]:
    from .skills import problems  # imported late: skills.py builds on this module

    return problems(data)


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
# data/roles.schema.json is standard JSON Schema, so editors can check the file as
# you type. The build checks it here with the few keywords the schema uses: a small
# interpreter is quicker to import than a full validator and words every refusal
# for an editor. A keyword it does not know is refused, never silently ignored.

_KEYWORDS = {"$schema", "$id", "$defs", "$ref", "title", "type", "properties", "required",
             "additionalProperties", "items", "enum", "pattern", "minLength", "minItems", "maxItems", "uniqueItems"}
_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}
_TYPE_WANTED = {"object": "a mapping", "array": "a list", "string": "a string", "boolean": "true or false"}
_TYPE_NAMES = {str: "a string", bool: "true or false", int: "a number", float: "a number",
               list: "a list", dict: "a mapping", type(None): "nothing (null)"}


def load_schema(path: Path = SCHEMA_PATH) -> dict:
    schema = json.loads(path.read_text(encoding="utf-8"))
    _check_keywords(schema, f"{path.name} #")
    return schema


def _check_keywords(schema: dict, where: str) -> None:
    unknown = set(schema) - _KEYWORDS
    if unknown:
        raise ValueError(f"{where}: unsupported keyword(s) {sorted(unknown)}")
    for name in ("properties", "$defs"):
        for key, sub in schema.get(name, {}).items():
            _check_keywords(sub, f"{where}/{name}/{key}")
    if isinstance(schema.get("items"), dict):
        _check_keywords(schema["items"], f"{where}/items")


def schema_problems(data, schema: dict | None = None) -> list[Problem]:
    schema = schema or load_schema()
    problems: list[Problem] = []
    _validate(data, schema, schema, (), problems)
    return sorted(problems, key=lambda p: [str(x) for x in p.path])


def _validate(value, rule: dict, root: dict, path: Path_, problems: list[Problem]) -> None:
    if "$ref" in rule:  # only local references: "#/$defs/name"
        rule = root["$defs"][rule["$ref"].rsplit("/", 1)[-1]]
    problem = _scalar_problem(value, rule)
    if problem:
        problems.append(Problem(path, problem))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _validate(item, rule.get("items", {}), root, path + (i,), problems)
    elif isinstance(value, dict):
        _validate_mapping(value, rule, root, path, problems)


def _scalar_problem(value, rule: dict) -> str | None:
    """What is wrong with the value itself, before looking inside it."""
    got = _TYPE_NAMES.get(type(value), type(value).__name__)
    shown = f" ({value!r})" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    if "enum" in rule and value not in rule["enum"]:
        return f"expected one of {', '.join(map(str, rule['enum']))}, got {got}{shown}"
    wanted = rule.get("type")
    if wanted and not isinstance(value, _TYPES[wanted]):
        return f"expected {_TYPE_WANTED[wanted]}, got {got}{shown}"
    if isinstance(value, str):
        if len(value) < rule.get("minLength", 0):
            return "expected some text, got an empty string"
        if "pattern" in rule and not re.search(rule["pattern"], value):
            return f"expected text of the form {_PATTERN_HINTS.get(rule['pattern'], rule['pattern'])}, got {got}{shown}"
    if isinstance(value, list):
        if len(value) < rule.get("minItems", 0):
            return f"expected at least {rule['minItems']} items, got {len(value)}"
        if len(value) > rule.get("maxItems", len(value)):
            return f"expected at most {rule['maxItems']} items, got {len(value)}"
        if rule.get("uniqueItems") and len({json.dumps(v, sort_keys=True) for v in value}) < len(value):
            return "expected each entry once, got a repeated entry"
    return None


def _validate_mapping(value: dict, rule: dict, root: dict, path: Path_, problems: list[Problem]) -> None:
    properties = rule.get("properties", {})
    problems += [Problem(path, f"missing required key '{key}'") for key in rule.get("required", []) if key not in value]
    for key, item in value.items():
        if key in properties:
            _validate(item, properties[key], root, path + (key,), problems)
        elif rule.get("additionalProperties") is False:
            problems.append(Problem(path + (key,), f"unknown key; expected one of: {', '.join(sorted(properties))}"))


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
        ids[section] = _unique_ids(data[section], section, problems)
    for i, topic in enumerate(data["topics"]):
        if topic["category"] not in ids["categories"]:
            problems.append(Problem(("topics", i, "category"), _unknown("category", topic["category"], ids["categories"])))
        for j, source in enumerate(topic.get("sources", [])):
            if source not in ids["sources"]:
                problems.append(Problem(("topics", i, "sources", j), _unknown("source", source, ids["sources"])))
    for i, figure in enumerate(data["salary"]["figures"]):
        if figure["source"] not in ids["sources"]:
            problems.append(Problem(("salary", "figures", i, "source"), _unknown("source", figure["source"], ids["sources"])))
    for i, category in enumerate(data["categories"]):
        if not any(t["category"] == category["id"] for t in data["topics"]):
            problems.append(Problem(("categories", i, "id"), "this category has no topics"))
    return problems


def _unique_ids(items: list[dict], section: str, problems: list[Problem]) -> list[str]:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item["id"] in seen:
            problems.append(Problem((section, i, "id"), f"duplicate id '{item['id']}', already used at {section}[{seen[item['id']]}]"))
        else:
            seen[item["id"]] = i
    return list(seen)


def _unknown(kind: str, value: str, known: list[str]) -> str:
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
