"""YAML to plain Python, remembering the line of every key path, so each problem gets a line."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..core.errors import DataError, KeyPath, Problem, format_path

# libyaml's parser when PyYAML has it: same nodes and line marks, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def shown(file: Path) -> str:
    """The path as the editor knows it: relative to the working folder when inside it."""
    try:
        return str(Path(file).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError([f"{shown(path)}: cannot read the data file: {error.strerror}"]) from None
    except UnicodeDecodeError:
        raise DataError([f"{shown(path)}: the data file is not UTF-8 text"]) from None


def parse(text: str, path: Path) -> tuple[object, dict, list[Problem]]:
    """(data, line of each key path, problems found while reading)."""
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


def _to_python(node, path: KeyPath, lines: dict, problems: list[Problem], construct):
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
    if node.tag.rsplit(":", 1)[-1] in {"int", "float", "bool", "null"}:
        return construct(node)
    return node.value


def describe(file: Path, lines: dict, problem: Problem) -> str:
    """``file:line: key.path: message``, the line being the deepest part of the path the file has."""
    path = problem.path
    while path not in lines and path:
        path = path[:-1]
    return f"{shown(file)}:{lines.get(path, 1)}: {format_path(problem.path)}: {problem.message}"
