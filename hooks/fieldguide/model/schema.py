"""The data file's JSON Schema (Draft 2020-12), with each error reworded for an editor.

data/roles.schema.json is standard JSON Schema, so editors check the file as you type
and the build checks it with the standard validator. Each error is placed at its key
path, so it gets a line number.
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator, SchemaError, ValidationError

from ..core.errors import DataError, Problem
from .parse import shown

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "data" / "roles.schema.json"

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
    quoted = f" ({value!r})" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    if keyword == "type":
        kinds = wanted if isinstance(wanted, list) else [wanted]
        return f"expected {' or '.join(_TYPE_WANTED.get(k, k) for k in kinds)}, got {got}{quoted}"
    if keyword == "enum":
        return f"expected one of {', '.join(map(str, wanted))}, got {got}{quoted}"
    if keyword == "pattern":
        return f"expected text of the form {_PATTERN_HINTS.get(wanted, wanted)}, got {got}{quoted}"
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
