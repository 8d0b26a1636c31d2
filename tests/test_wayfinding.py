"""Wayfinding and trust, and pages kept light: the links page, the page dates and edit links, the
offline download, the 404 page, and which scripts each page loads.

Unit tests on small inputs and on the built site; a few browser checks (marked `browser`) for
search on demand, the copy buttons and the 404 page from another address.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, content_pages, golden, read, search
from fieldguide.blocks.registry import Context
from fieldguide.blocks.site import HOSTED_ONLY, LINKS_INDEX, build_links, group_id
from fieldguide.core.anchors import Anchor, read_contract
from fieldguide.core.markup import page_url
from fieldguide.core.menu import read_config, reading_order
from fieldguide.core.pages import ARCHIVE_NAME, DOWNLOADS_DIR
from fieldguide.model.guide import Guide
from fieldguide.publish import stamps
from fieldguide.publish.export import offline_copy
from fieldguide.publish.whole import RenderedPage, combine

CONFIG = read_config(ROOT / "mkdocs.yml")
TOOLS = CONFIG["extra"]["tools"]  # page.md -> its script
STATIC_PAGES = CONFIG["extra"]["static_pages"]
ARCHIVE = f"{DOWNLOADS_DIR}/{ARCHIVE_NAME}"
SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')


def scripts(html: str) -> list[str]:
    return [posixpath.basename(src) for src in SCRIPT_SRC.findall(html)]


# --- the links page ---------------------------------------------------------------------------


LINKS_CONTRACT = [
    Anchor("index.html", "", "Home <page>"),
    Anchor("index.html", "offline", "Read offline"),
    Anchor("links.html", "", "Stable links"),
    Anchor("links.html", "page-index", "Home <page>"),
    Anchor("roles/data-scientist.html", "", "Data scientist"),
    Anchor("roles/data-scientist.html", "salary", "Salary"),
    Anchor("roles/data-scientist.html", "pay", "(alias of #salary)"),
]


def test_links_index_golden(valid_data):
    ctx = Context(Guide(valid_data), "links.md", LINKS_CONTRACT, "https://example.org/guide/")
    golden("links-index.html", str(build_links(ctx)) + "\n")


def test_links_index_groups_pages_in_menu_order_under_headings(valid_data):
    html = build_links(Context(Guide(valid_data), "links.md", LINKS_CONTRACT, "https://example.org/guide/"))
    headings = re.findall(r"^## (.+) \{ #(\S+) data-search-exclude \}$", html, re.MULTILINE)
    assert [anchor for _, anchor in headings] == ["page-index", "page-roles-data-scientist", "page-links"]
    assert headings[0][0] == "Home &lt;page&gt;"  # a title is text, escaped once
    assert html.count('<ul class="fg-links" data-site="https://example.org/guide/" data-search-exclude>') == 3
    assert "<code>roles/data-scientist.html#salary</code>" in html and "#pay" not in html  # aliases left out
    # The links page's own groups are its contents list, not rows of its own group.
    assert 'href="links.html#page-index"' in html and "<code>links.html#page-index</code>" not in html
    assert html.startswith(LINKS_INDEX[0]) and html.endswith(LINKS_INDEX[1])


def test_group_ids_follow_the_page_path():
    assert group_id("roles/data-scientist.html") == group_id("roles/data-scientist.md") == "page-roles-data-scientist"


def test_every_group_is_in_the_contract_and_the_built_page(built_site):
    html = read(built_site, "links.html")
    contract = {a.target for a in read_contract()}
    pages = [a.page for a in read_contract() if not a.anchor]
    for page in pages:
        assert f"links.html#{group_id(page)}" in contract, page
        assert f'<h2 data-search-exclude id="{group_id(page)}">' in html, page
    shown = re.findall(r'<h2 data-search-exclude id="([^"]+)"', html)
    menu = [group_id(page) for _, page in reading_order()]
    assert [g for g in shown if g in menu] == menu  # menu order
    assert "<table" not in html[html.index(LINKS_INDEX[0]):]  # lists, no wide table to cut off on a phone


def test_links_groups_are_left_out_of_search_but_the_page_is_found(built_site):
    index = json.loads(read(built_site, "search/search_index.json"))
    locations = [doc["location"] for doc in index["docs"]]
    assert "links.html" in locations
    assert not [loc for loc in locations if loc.startswith("links.html#")]


def test_print_page_drops_the_whole_links_index():
    links = RenderedPage("links.md", "Stable links", f"<p>intro</p>{LINKS_INDEX[0]}<h2 id='page-x'>X</h2>"
                         f'<ul class="fg-links"><li>row</li></ul>{LINKS_INDEX[1]}<p>after</p>')
    html = combine([links], "print.md")
    assert "row" not in html and "page-x" not in html and "left out of the printed guide" in html
    assert "intro" in html and "after" in html


# --- dates and edit links ---------------------------------------------------------------------


def git(root: Path, *args: str, day: str = "2026-03-04T12:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    """A small repository: docs/a.md committed in March, data/roles.yml in May."""
    for path, text in {"docs/a.md": "# A\n", "docs/b.md": "# B\n\n<!-- links -->\n", "data/roles.yml": "x\n"}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "docs/a.md", "docs/b.md")
    git(tmp_path, "commit", "-q", "-m", "pages")
    git(tmp_path, "add", "data/roles.yml")
    git(tmp_path, "commit", "-q", "-m", "data", day="2026-05-06T12:00:00")
    return tmp_path


def test_a_page_is_as_new_as_its_markdown_and_for_generated_pages_its_data(repository):
    dates = stamps.commit_dates(repository)
    assert stamps.sources_of("a.md", repository) == ["docs/a.md"]
    assert stamps.sources_of("b.md", repository) == ["docs/b.md", "data"]
    assert stamps.last_changed(stamps.sources_of("a.md", repository), dates, repository) == date(2026, 3, 4)
    assert stamps.last_changed(stamps.sources_of("b.md", repository), dates, repository) == date(2026, 5, 6)


def test_a_page_not_committed_yet_shows_its_file_date(repository):
    new = repository / "docs/c.md"
    new.write_text("# C\n")
    os.utime(new, (1_780_000_000, 1_780_000_000))
    assert stamps.last_changed(["docs/c.md"], stamps.commit_dates(repository), repository) == date.fromtimestamp(1_780_000_000)


def test_without_git_pages_carry_no_date(tmp_path, monkeypatch):
    assert stamps.commit_dates(tmp_path) is None  # not a repository
    monkeypatch.setenv("PATH", str(tmp_path))  # no git at all
    assert stamps.commit_dates(ROOT) is None
    assert stamps.last_changed(["docs/index.md"], None) is None
    assert stamps.facts_html(None, None) == ""


@pytest.mark.parametrize("remote, address", [
    ("git@github.com:owner/guide.git", "https://github.com/owner/guide"),
    ("https://github.com/owner/guide.git", "https://github.com/owner/guide"),
    ("https://github.com/owner/guide", "https://github.com/owner/guide"),
    ("ssh://git@github.com/owner/guide.git", "https://github.com/owner/guide"),
    ("/srv/git/guide.git", None),
    ("", None),
])
def test_repository_address_from_a_remote(remote, address):
    assert stamps.web_address(remote) == address


def test_repository_address_from_the_deploy_workflow_or_its_absence(tmp_path, monkeypatch):
    for name in ("REPO_URL", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY"):
        monkeypatch.delenv(name, raising=False)
    assert stamps.repository_url(tmp_path) is None  # no variables, no repository, no remote: no edit link
    stand_in = "https://github.com/fieldguide/guide/"
    assert stamps.repository_url(tmp_path, stand_in) == stand_in.rstrip("/")  # mkdocs.yml's, last of all
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "owner/guide")
    assert stamps.repository_url(tmp_path) == "https://github.com/owner/guide"
    assert stamps.repository_url(tmp_path, stand_in) == "https://github.com/owner/guide"
    monkeypatch.setenv("REPO_URL", "https://example.org/team/guide/")
    assert stamps.repository_url(tmp_path) == "https://example.org/team/guide"


def test_stamps_name_the_date_and_the_page_to_edit(repository, tmp_path_factory, monkeypatch):
    monkeypatch.setenv("REPO_URL", "https://github.com/owner/guide")
    site = tmp_path_factory.mktemp("site")
    for name in ("a.html", "b.html"):
        (site / name).write_text('<article class="md-content__inner md-typeset"><h1>T</h1></article>'
                                 '<footer><div class="md-copyright"></div></footer>')
    stamps.stamp_pages(site, ["a.md", "b.md"], whole_guide=["b.md"], root=repository)
    stamps.stamp_pages(site, ["a.md", "b.md"], whole_guide=["b.md"], root=repository)  # twice: still one line
    a, b = (site / "a.html").read_text(), (site / "b.html").read_text()
    assert a.count("fg-page-facts") == 1 and a.count('class="fg-source"') == 1
    assert 'Last updated <time datetime="2026-03-04">4 March 2026</time>' in a
    assert '<a href="https://github.com/owner/guide/edit/main/docs/a.md">Edit this page</a>' in a
    assert a.index("fg-page-facts") < a.index("</article>")
    assert "Edit this page" not in b and 'datetime="2026-05-06"' in b  # the whole guide: its newest page
    source = 'Source and history: <a href="https://github.com/owner/guide">github.com/owner/guide</a>'
    assert source in a and source in b and a.index("<footer>") < a.index(source)


def test_every_page_has_its_date_edit_link_and_source_link(built_site):
    repository, dates = stamps.repository_url(configured=CONFIG["extra"]["repository"]), stamps.commit_dates()
    assert repository  # mkdocs.yml names one, so every build links it
    for page in content_pages(built_site):
        html = read(built_site, page)
        assert f'Source and history: <a href="{repository}">' in html, page
        facts = re.search(r'<aside class="md-source-file fg-page-facts">(.*?)</aside>', html)
        if dates is None:
            assert facts is None, page
            continue
        assert facts and re.search(r'Last updated <time datetime="\d{4}-\d\d-\d\d">', facts[1]), page
        source = page.removesuffix(".html") + ".md"
        edit = f'href="{stamps.edit_url(repository, source)}"'
        printed_part = source.startswith("print-")  # made of other pages: nothing of its own to edit
        assert ("Edit this page" not in facts[1]) if printed_part else (edit in facts[1]), page


# --- the offline download ---------------------------------------------------------------------


def test_hosted_pages_offer_the_archive_with_its_size(built_site):
    size = stamps.size_text((built_site / ARCHIVE).stat().st_size)
    for page in content_pages(built_site) + ["404.html"]:
        target = posixpath.relpath(ARCHIVE, posixpath.dirname(page) or ".")
        link = f'<a href="{target}" download>Download for offline reading (.zip, {size})</a>'
        assert link in read(built_site, page), page


def test_the_offline_copy_never_links_to_the_archive(built_site):
    with zipfile.ZipFile(built_site / ARCHIVE) as archive:
        pages = [name for name in archive.namelist() if name.endswith(".html")]
        assert len(pages) >= 20
        for name in pages:
            assert ARCHIVE_NAME not in archive.read(name).decode("utf-8"), name
    assert f'href="{ARCHIVE}"' in read(built_site, "index.html")  # the hosted home page keeps it


def test_offline_copy_drops_what_only_the_hosted_site_has(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(f"<ul>{HOSTED_ONLY[0]}<li>zip</li>{HOSTED_ONLY[1]}<li>csv</li></ul>")
    assert offline_copy(page) == b"<ul><li>csv</li></ul>"
    data = tmp_path / "d.csv"
    data.write_bytes(HOSTED_ONLY[0].encode())
    assert offline_copy(data) == HOSTED_ONLY[0].encode()


@pytest.mark.parametrize("size, text", [(1_634_000, "1.6 MB"), (48_200, "48 kB"), (300, "1 kB")])
def test_archive_size_is_short(size, text):
    assert stamps.size_text(size) == text


# --- the 404 page -----------------------------------------------------------------------------


def test_404_page_finds_its_files_from_its_own_place(built_site):
    html = read(built_site, "404.html")
    loads = re.findall(r'<link rel="stylesheet" href="([^"]+)"|<script[^>]*\bsrc="([^"]+)"', html)
    assert len(loads) >= 4
    for url in (a or b for a, b in loads):
        assert not url.startswith(("/", "http")), url
        assert (built_site / posixpath.normpath(url)).is_file(), url
    assert html.index("document.createElement(\"base\")") < html.index('rel="stylesheet"')


# --- scripts: light pages ---------------------------------------------------------------------


def test_each_tool_script_loads_only_on_its_page(built_site):
    everywhere = "copy-link.js"  # on every page; named under extra.tools for the links page, which has no theme scripts
    def named(source: str) -> list[str]:
        return [posixpath.basename(script) for script in TOOLS.get(source, []) if not script.endswith(everywhere)]
    tool_scripts = {script for source in TOOLS for script in named(source)}
    for page in content_pages(built_site):
        html = read(built_site, page)
        source = page.removesuffix(".html") + ".md"
        assert [script for script in scripts(html) if script in tool_scripts] == named(source), page
        assert everywhere in scripts(html) or source in STATIC_PAGES, page
        if named(source):  # and the page holds the tool's data, or the name of its file
            assert "<script>window.fieldguide" in html, source


def test_heavy_tool_data_waits_in_a_file_beside_its_page(built_site):
    """The look-up's and the reader's data are files the page names but does not load."""
    for source, name in [("compare/pay-by-area.md", "fieldguideAreas"), ("guides/read-a-job-posting.md", "fieldguideSignals")]:
        html = read(built_site, page_url(source))
        [file] = re.findall(rf'<script>window\.{name}="([^"]+)";</script>', html)
        assert file not in scripts(html) and "data-on-demand" not in html
        data = (built_site / posixpath.dirname(page_url(source)) / file).read_text(encoding="utf-8")
        assert data.startswith(f"window.{name}={{") and data.endswith("};\n")
        assert "tool-data.js" in scripts(html)


def test_theme_and_tool_scripts_are_deferred_and_search_waits(built_site):
    for page in content_pages(built_site):
        html = read(built_site, page)
        if page.removesuffix(".html") + ".md" in STATIC_PAGES:
            continue
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert tags and all(" defer " in tag for tag in tags), page
        order = scripts(html)
        assert order.index("search-on-demand.js") < next(i for i, s in enumerate(order) if s.startswith("bundle.")), page


def test_print_parts_and_the_links_page_run_no_theme_or_tool_script(built_site):
    parts = sorted(path.name for path in (ROOT / "docs").glob("print-*.md"))
    assert len(parts) >= 4 and sorted(STATIC_PAGES) == sorted([*parts, "links.md"])  # every part, and the links page
    for source in STATIC_PAGES:
        html = read(built_site, page_url(source))
        # No theme bundle, not even the offline search shim: only the links page's copy buttons' few lines.
        assert scripts(html) == (["copy-link.js"] if source == "links.md" else []), source
        assert "window.fieldguide" not in html, source  # the tools' data: dead weight without their scripts
        assert "prefers-color-scheme: dark" in html, source  # its colours follow the system without the theme
        assert re.search(r"\.md-search, label\[for=\"__search\"\], \[data-md-component=\"palette\"\] \{\s*display: none;", html)
    assert "bundle." in " ".join(scripts(read(built_site, "print.html")))  # the list of parts is a page like any other


def test_code_blocks_get_the_theme_copy_button(built_site):
    """Material's own copy button (clipboard.js, no network): offline-safe; checked in a browser below."""
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       read(built_site, "guides/hiring.html"), re.DOTALL)
    assert "content.code.copy" in json.loads(config[1])["features"]


# --- in a browser -----------------------------------------------------------------------------


@pytest.mark.browser
def test_search_loads_on_demand_and_a_query_typed_early_gets_results(browser, hosted):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(hosted + "compare/expertise.html")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "search_index" in u or "/workers/" in u]
    # Typed at once: the index is still on its way; the query waits for it.
    assert search(page, "salary") > 0
    assert [u for u in requests if u.endswith("search/search_index.json")]
    # You are here: the active tab stands out by weight.
    weights = page.eval_on_selector_all(".md-tabs__link", "links => links.map(l => getComputedStyle(l).fontWeight)")
    assert sorted(set(weights)) == ["400", "700"] and weights.count("700") == 1
    # Arriving from a search result: the index comes at once, for the highlighting.
    requests.clear()
    page.goto(hosted + "compare/expertise.html?h=python")
    page.wait_for_selector("mark[data-md-highlight]", timeout=30_000)
    context.close()


@pytest.mark.browser
def test_search_on_demand_works_offline_from_the_archive(browser, archive_copy):
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto((archive_copy / "compare/salary.html").resolve().as_uri())
    assert search(page, "python") > 0
    context.close()


@pytest.mark.browser
def test_copy_buttons_work_by_keyboard_hosted_and_offline(browser, hosted, site_copy):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=hosted.rstrip("/"))
    page = context.new_page()
    page.goto(hosted + "links.html#page-compare-salary")
    button = page.locator("#page-compare-salary + ul .fg-copy").nth(1)
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".fg-copy-note:not(:empty)")  # the Clipboard API answers asynchronously
    assert page.locator(".fg-copy-note").inner_text() == "Link copied"
    site = page.locator("#page-compare-salary + ul").get_attribute("data-site")
    assert page.evaluate("navigator.clipboard.readText()") == site + "compare/salary.html#how-to-read"
    assert page.evaluate("document.activeElement.classList.contains('fg-copy')")  # the focus stays on the button
    # From disk, without clipboard permission: the older copy command, or else the address selected.
    offline = context.new_page()
    offline.goto((site_copy / "links.html").resolve().as_uri())
    offline.locator(".fg-copy").first.click()
    offline.wait_for_selector(".fg-copy-note:not(:empty)")
    note = offline.locator(".fg-copy-note").inner_text()
    assert note == "Link copied" or note.startswith("Press Ctrl+C") and offline.evaluate("getSelection().toString()") == site + "index.html"
    # The theme's copy button on the sample job descriptions, offline too.
    offline.goto((site_copy / "guides/hiring.html").resolve().as_uri())
    offline.locator(".fg-jd .md-code__button").first.click()
    offline.wait_for_selector(".md-dialog--active:has-text('Copied to clipboard')")
    context.close()


@pytest.mark.browser
def test_404_is_styled_from_disk_and_at_any_address(browser, hosted, built_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / "404.html").resolve().as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    # Served for a missing address deep in the site, as a host does.
    missing = hosted + "roles/no/such/page.html"
    html = read(built_site, "404.html")
    page.route(missing, lambda route: route.fulfill(status=404, body=html, content_type="text/html"))
    page.goto(missing)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.locator("a:has-text('Start at the home page')").evaluate("a => a.href") == hosted + "index.html"
    context.close()
