"""Shared fixtures: small data files for unit tests, and one strict build of the real site."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from fieldguide import bench

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def valid_data() -> dict:
    """The small valid data file as plain Python, to be broken by each test."""
    return copy.deepcopy(yaml.safe_load((FIXTURES / "valid.yml").read_text(encoding="utf-8")))


@pytest.fixture
def write_yaml(tmp_path):
    """Writes a data file, with the fixtures' pay extract beside it as the real one is."""
    def write(data, name="roles.yml") -> Path:
        path = tmp_path / name
        extract = tmp_path / "pay-extract.csv"
        if not extract.exists():
            extract.write_text((FIXTURES / "pay-extract.csv").read_text(encoding="utf-8"), encoding="utf-8")
        text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def copy_project(target: Path) -> Path:
    """A copy of the project's sources, for builds with edited data or pages."""
    return bench.copy_project(ROOT, target)


def mkdocs_build(project: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict into a temporary folder."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


# --- the browser, for tests marked `browser` -------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium reaches out to Google's hosts at start.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` (make test does, as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[str]:
    """Run axe-core on the page as it is now: one line per rule broken, with up to three elements."""
    page.evaluate(axe_script())
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )


# --- the data's refusals ---------------------------------------------------------------------------


def problems_for(path) -> list[str]:
    """Every problem load_data reports for the file."""
    from fieldguide.load import DataError, load_data

    with pytest.raises(DataError) as caught:
        load_data(path)
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1
