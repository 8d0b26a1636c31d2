"""Shared fixtures: small data files for unit tests, and one strict build of the real site."""

from __future__ import annotations

import copy
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from html import unescape
from pathlib import Path

import pytest
import yaml

from fieldguide import bench
from fieldguide.core.errors import DataError
from fieldguide.model.guide import Guide
from fieldguide.model.load import load_data

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def pytest_collection_modifyitems(items):
    """Under `pytest -n 2 --dist loadgroup` (make test) the browser tests form two groups, each kept in one
    worker: the whole-site axe passes, and the rest. The builds and unit tests fill in around them."""
    for item in items:
        if item.get_closest_marker("browser"):
            group = "axe" if item.originalname == "test_no_axe_violations_on_any_page" else "browser"
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture
def valid_data() -> dict:
    """The small valid data file as plain Python, to be broken by each test."""
    return copy.deepcopy(yaml.safe_load((FIXTURES / "valid.yml").read_text(encoding="utf-8")))


@pytest.fixture
def guide(valid_data):
    """The small data file as a Guide, for builders."""
    return Guide(valid_data)


# A value with markup, table pipes, Markdown and a line break: it must come out as text, on one line.
HOSTILE = "a | b <script>alert(1)</script> & c \\ d `e` **f**\nnext line"


@pytest.fixture
def write_yaml(tmp_path):
    """Writes a data file, with the fixtures' pay extract and area figures beside it as the real ones are."""
    def write(data, name="roles.yml") -> Path:
        path = tmp_path / name
        for csv_name in ("pay-extract.csv", "pay-areas.csv"):
            if not (tmp_path / csv_name).exists():
                shutil.copyfile(FIXTURES / csv_name, tmp_path / csv_name)
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


GOLDEN = Path(__file__).parent / "golden"


def golden(name: str, actual: str) -> None:
    """Compare a generated block with its golden file; `UPDATE_GOLDEN=1 make test` rewrites them (review the diff)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}; rewrite with UPDATE_GOLDEN=1 after review"


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def inlined(html: str, name: str) -> dict | str:
    """What a tool's data script assigns to window.NAME: the data, or the name of the file holding it."""
    found = re.search(rf"<script(?: data-on-demand)?>window\.{name}=([^<]*);</script>", html)
    assert found, f"no data script for window.{name}"
    return json.loads(found[1])


def tool_data(site: Path, page: str, name: str) -> dict:
    """A built page's tool data, inline or in the file beside the page that its script reads on first use."""
    value = inlined(read(site, page), name)
    if isinstance(value, str):
        text = (site / page).with_name(value).read_text(encoding="utf-8")
        value = json.loads(text.removeprefix(f"window.{name}=").removesuffix(";\n"))
    return value


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


# Only these rules read colours; the rest of axe's checks do not change with the palette.
PALETTE_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, rules: list[str] | None = None, skip: list[str] | None = None,
                   exclude: list[str] | None = None) -> list[str]:
    """Run axe-core on the page as it is now: every rule, only `rules`, or all but `skip`, on the whole
    document or without the parts matched by `exclude`. One line per rule broken, with up to three elements."""
    page.evaluate(axe_script())
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    if skip:
        options["rules"] = {rule: {"enabled": False} for rule in skip}
    context = {"include": [["html"]], "exclude": [[selector] for selector in exclude]} if exclude else "document"
    return page.evaluate(
        "async ([context, options]) => (await axe.run(context === 'document' ? document : context, options)).violations"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))",
        [context, options],
    )


@functools.cache
def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


# --- the data's refusals ---------------------------------------------------------------------------


def problems_for(path) -> list[str]:
    """Every problem load_data reports for the file."""
    with pytest.raises(DataError) as caught:
        load_data(path)
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


# --- shared by several test modules (test modules never import one another) -------------------------

PROMISED = [
    "roles/data-scientist.html#responsibilities",
    "roles/data-scientist.html#expertise",
    "roles/data-scientist.html#salary",
    "roles/ml-engineer.html#responsibilities",
    "roles/ml-engineer.html#expertise",
    "roles/ml-engineer.html#salary",
    "process/environments.html#research",
    "process/environments.html#development",
    "process/environments.html#production",
    "process/data-science-process.html#ask-a-question",
    "process/data-science-process.html#communicate-the-results",
    "compare/expertise.html#python-or-r",
    "compare/skills.html#roadmap",
    "compare/skills.html#skill-sql",
    "compare/skills.html#skill-model-serving",
    "compare/skills.html#levels",
    "guides/hiring.html#job-description-data-scientist",
    "guides/hiring.html#job-description-ml-engineer",
    "guides/hiring.html#interview-signals",
    "guides/hiring.html#red-flags",
    "guides/read-a-job-posting.html#reader",
    "guides/choosing-a-role.html#self-assessment",
]

POSTINGS = Path(__file__).parent / "postings"
VERDICTS = {"data-scientist": "data_scientist", "ml-engineer": "ml_engineer", "mixed": "mixed", "other": "other"}
# An "other" posting's file name also says which other job it is: other-analyst--, other-data-engineer--.
OTHER_KINDS = {"other-analyst": "analyst", "other-data-engineer": "data_engineer"}


def posting_prefix(path: Path) -> str:
    return path.name.split("--")[0]


def expected_verdict(path: Path) -> str:
    """The verdict a test posting should get, from its file name."""
    return "other" if posting_prefix(path) in OTHER_KINDS else VERDICTS[posting_prefix(path)]


def posting_kind(path: Path) -> str:
    """The kind of job a posting is: one of the two roles, mixed, analyst or data_engineer."""
    return OTHER_KINDS.get(posting_prefix(path), expected_verdict(path))
PREVIEW = ["og:title", "og:description", "og:url", "og:image", "twitter:card", "twitter:title", "twitter:image"]


def previews(html: str) -> dict[str, str]:
    found = re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:]+)" content="([^"]*)"', html)
    return {name: unescape(content) for name, content in found}


def check_previews(site: Path) -> None:
    for page in site.rglob("*.html"):
        if "assets" in page.parts or page.name == "404.html":
            continue
        found = previews(page.read_text(encoding="utf-8"))
        assert all(found.get(name) for name in PREVIEW), f"{page}: {sorted(found)}"
        assert found["og:image"].endswith("assets/social-card.png") and found["og:image"].startswith("https://")
        assert found["og:url"].endswith(page.relative_to(site).as_posix())
    assert (site / "assets/social-card.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="session")
def hosted(built_site):
    """The built site over HTTP on a free loopback port."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def content_pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html")
        if "assets" not in p.parts and p.name != "404.html"
    )


def search(page, query: str) -> int:
    opener = page.locator("label[for=__search]").first
    if opener.is_visible():  # narrow screens hide the search box behind a button
        opener.click()
    page.fill("input[data-md-component=search-query]", query)
    # Generous: the index is built in a worker, which is slow on a loaded machine.
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    return page.locator(".md-search-result__item").count()


@pytest.fixture(scope="session")
def archive_copy(built_site, tmp_path_factory) -> Path:
    """The site as a reader gets it from the download on the home page, extracted once."""
    target = tmp_path_factory.mktemp("archive")
    with zipfile.ZipFile(built_site / "downloads/ds-vs-mle-field-guide.zip") as archive:
        archive.extractall(target)
    return target / "ds-vs-mle-field-guide"


@pytest.fixture(scope="session")
def site_copy(built_site) -> Path:
    """The built site opened from disk; the archive's own smoke test is in test_browser."""
    return built_site
