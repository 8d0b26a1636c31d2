"""The package's shape: imports run one way (lazy ones included), and no module grows past 350 lines.

Read from every import statement, as a reviewer would: a lower layer that imports a higher
one, even inside a function, is a back-import.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "fieldguide"
# Each folder may import only itself and the folders before it; top-level modules may import any folder.
LAYERS = ["core", "model", "blocks", "publish"]
MAX_LINES = 350


@functools.cache
def modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE).with_suffix("").parts): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path) -> set[str]:
    """The package's modules a module imports, resolved to dotted names under the package."""
    package = name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] + (node.module.split(".") if node.module else [])
            elif (node.module or "").split(".")[0] == "fieldguide":
                base = node.module.split(".")[1:]
            else:
                continue
            found |= {".".join(base)} | {".".join([*base, alias.name]) for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix("fieldguide.") for a in node.names if a.name.startswith("fieldguide.")}
    known = modules()
    return {f for f in found if f in known and f != name and not f.endswith("__init__")}


@functools.cache
def graph() -> dict[str, set[str]]:
    return {name: imports_of(name, path) for name, path in modules().items()}


def layer(name: str) -> int:
    first = name.split(".")[0]
    return LAYERS.index(first) if first in LAYERS else len(LAYERS)


def test_the_package_is_found():
    assert {"core.errors", "model.guide", "blocks.registry", "publish.finish", "extension"} <= set(modules())


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_imports_a_higher_layer(name):
    upward = [f for f in graph()[name] if layer(f) > layer(name)]
    assert upward == [], f"{name} imports {upward}, above its layer"


def test_no_import_circle():
    edges, circles = graph(), []

    def visit(node: str, trail: list[str]) -> None:
        for target in edges[node]:
            if target in trail:
                circles.append(trail[trail.index(target):] + [target])
            elif target not in done:
                visit(target, [*trail, target])
        done.add(node)

    done: set[str] = set()
    for start in edges:
        if start not in done:
            visit(start, [start])
    assert circles == []


def test_the_bottom_layer_imports_nothing_above_itself():
    assert {f for name, targets in graph().items() if name.startswith("core.") for f in targets if not f.startswith("core.")} == set()


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_is_over_350_lines(name):
    assert len(modules()[name].read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_generated_markup_is_typed():
    """Escaping by type: the markup helpers build on markupsafe, and no block module imports html.escape."""
    assert "from markupsafe import" in (PACKAGE / "core/markup.py").read_text(encoding="utf-8")
    raw = [p.name for p in (PACKAGE / "blocks").glob("*.py") if "import html" in p.read_text(encoding="utf-8")]
    assert raw == []
