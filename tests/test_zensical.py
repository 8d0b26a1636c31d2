"""The same site built by Zensical, the engine that succeeds Material for MkDocs.

Zensical reads mkdocs.yml through zensical.yml, ignores the MkDocs hook, and runs
the generator as a Markdown extension; `python -m fieldguide.publish.finish` does the
rest. These are the commands of `make build-zensical`, run on a copy.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import check_previews, copy_project, read
from fieldguide.core.anchors import broken_promises, read_contract

# What loads a resource when a page or stylesheet is read: script/img/iframe src, link href, CSS url()/@import.
_LOADS = re.compile(r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"'
                    r"|url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")


def run(project: Path, *command: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": "hooks"}
    return subprocess.run([sys.executable, "-m", *command], cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    for command in (["zensical", "build", "--clean", "--strict", "-f", "zensical.yml"],
                    ["fieldguide.publish.finish", "site-zensical"]):
        result = run(project, *command)
        assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return project / "site-zensical"


def test_every_contract_link_resolves(zensical_site):
    assert broken_promises(read_contract(), zensical_site) == []


def test_generated_blocks_are_present(zensical_site):
    for page in ["compare/responsibilities.html", "compare/expertise.html", "compare/salary.html",
                 "process/data-science-process.html", "process/environments.html"]:
        assert "the two roles side by side</caption>" in read(zensical_site, page), page
    assert 'id="source-brief"' in read(zensical_site, "sources.html")
    assert "Every stable link on the site" in read(zensical_site, "links.html")
    for page in zensical_site.rglob("*.html"):
        assert not re.search(r"<!--\s*(comparison|topics|topic|role|salary|outlook|sources|links|downloads|whole-guide)\b",
                             page.read_text(encoding="utf-8")), page


def test_print_page_and_downloads_are_finished(zensical_site):
    printed = sum(part.read_text(encoding="utf-8").count('class="fg-print-page"') for part in zensical_site.glob("print-*.html"))
    assert printed >= 20 and "Part 2: Compare" in read(zensical_site, "print.html")
    for name in ["roles.json", "expertise.csv", "ds-vs-mle-field-guide.zip"]:
        assert (zensical_site / "downloads" / name).is_file(), name


def test_nothing_is_loaded_from_outside(zensical_site):
    outside = []
    for path in [*zensical_site.rglob("*.html"), *zensical_site.rglob("*.css")]:
        for match in _LOADS.finditer(path.read_text(encoding="utf-8")):
            url = next(group for group in match.groups() if group)
            if re.match(r"^(https?:)?//", url) and not _is_link_only(match.group(0)):
                outside.append(f"{path.relative_to(zensical_site)}: {url}")
    assert outside == []


def _is_link_only(tag: str) -> bool:
    """<link rel="canonical"> and <link rel="alternate"> name an address; nothing is fetched."""
    return bool(re.search(r'\brel="(canonical|alternate)"', tag))


@pytest.mark.browser
def test_offline_search_from_disk(browser, zensical_site):
    context = browser.new_context(offline=True)
    outside = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "blob:"))
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto((zensical_site / "index.html").resolve().as_uri())
    assert zensical_search(page, "salary") > 0
    page.goto((zensical_site / "compare/expertise.html").resolve().as_uri() + "#python-or-r")
    assert page.locator("#python-or-r").is_visible()
    assert outside == []
    context.close()


def zensical_search(page, query: str) -> int:
    """Zensical's search is a dialog opened with "/" that reports "N results" (in a shadow root)."""
    page.keyboard.press("/")
    page.keyboard.type(query)
    summary = page.get_by_text(re.compile(r"^\d+ results?$"))
    summary.wait_for(timeout=30_000)
    return int(summary.inner_text().split()[0])


def test_every_page_carries_preview_metadata(zensical_site):
    check_previews(zensical_site)
