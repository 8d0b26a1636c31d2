"""The generator as a Python-Markdown extension: under MkDocs' hook, under Zensical, and on its own."""

from __future__ import annotations

import shutil

import pytest
from markdown import Markdown
from zensical.extensions.context import ContextExtension
from zensical.extensions.context import Page as ZensicalPage

from conftest import FIXTURES
from fieldguide import extension as ext
from fieldguide.core.errors import MarkerError
from fieldguide.extension import Build, FieldguideExtension, Page
from fieldguide.model.guide import Guide

PAGE = "# Expertise\n\nWhat each role needs.\n\n<!-- comparison: expertise -->\n\n<!-- topics: expertise -->\n"


def convert(markdown: str, extension: FieldguideExtension, *more) -> str:
    return Markdown(extensions=[*more, extension, "attr_list", "toc", "tables"]).convert(markdown)


@pytest.fixture
def hooked() -> FieldguideExtension:
    """As MkDocs' hook sets it up: the build's data and the page being rendered."""
    extension = FieldguideExtension()
    extension.build = Build(Guide.load(FIXTURES / "valid.yml"), [], "https://example.org/")
    extension.page = Page("compare/expertise.md", {})
    return extension


def test_markers_become_tables_and_sections_with_their_ids(hooked):
    html = convert(PAGE, hooked)
    assert "<caption>Expertise: the two roles side by side</caption>" in html
    assert '<h2 id="python-or-r">Python or R</h2>' in html
    assert "<!--" not in html
    assert hooked.build.rendered_topics == ["python-or-r"]


def test_the_opening_paragraph_becomes_the_description(hooked):
    convert(PAGE, hooked)
    assert hooked.page.meta["description"] == "What each role needs."


def test_links_are_relative_to_the_page_being_rendered(hooked):
    hooked.page = Page("roles/data-scientist.md", {})
    html = convert("<!-- comparison: expertise -->\n", hooked)
    assert 'href="../compare/expertise.html#python-or-r"' in html


def test_a_bad_marker_raises_naming_the_page(hooked):
    with pytest.raises(MarkerError, match=r"compare/expertise.md: marker '<!-- topic: nope -->': unknown topic 'nope'"):
        convert("<!-- topic: nope -->\n", hooked)


def test_while_serving_a_bad_marker_shows_a_notice_and_keeps_the_page(hooked):
    hooked.on_error = lambda message: f"NOTICE: {message}\n\n"
    html = convert("Kept.\n\n<!-- topic: nope -->\n", hooked)
    assert "NOTICE: compare/expertise.md: marker" in html and "Kept." in html


def test_a_page_without_markers_needs_no_data():
    assert convert("# Plain\n\nText.\n", FieldguideExtension()) == '<h1 id="plain">Plain</h1>\n<p>Text.</p>'


def test_markers_on_an_unknown_page_are_refused():
    with pytest.raises(MarkerError, match="the page being rendered is unknown"):
        convert(PAGE, FieldguideExtension())


# --- on its own, as Zensical runs it ------------------------------------------------------------


@pytest.fixture
def own_data(tmp_path, monkeypatch):
    """The extension loads the data itself: point it at a copy it may see change."""
    data = tmp_path / "roles.yml"
    shutil.copy(FIXTURES / "valid.yml", data)
    shutil.copy(FIXTURES / "pay-extract.csv", tmp_path / "pay-extract.csv")
    shutil.copy(FIXTURES / "pay-areas.csv", tmp_path / "pay-areas.csv")
    monkeypatch.setattr(ext, "DATA_PATH", data)
    monkeypatch.setattr(ext, "_loaded", {})
    return data


def zensical_context(path: str, meta: dict):
    return ContextExtension(page=ZensicalPage(url=path.replace(".md", ".html"), path=path, meta=meta),
                            config={"site_url": "https://example.org/"})


def test_under_zensical_the_page_and_data_are_found_without_a_hook(own_data):
    meta: dict = {}
    html = convert(PAGE, FieldguideExtension(), zensical_context("compare/expertise.md", meta))
    assert '<h2 id="python-or-r">Python or R</h2>' in html
    assert meta["description"] == "What each role needs."


def test_on_its_own_the_data_is_read_again_when_the_file_changes(own_data):
    render = lambda: convert(PAGE, FieldguideExtension(), zensical_context("compare/expertise.md", {}))  # noqa: E731
    assert "Python or R</h2>" in render()
    text = own_data.read_text(encoding="utf-8").replace("title: Python or R", "title: Python, R or Julia")
    own_data.write_text(text, encoding="utf-8")
    assert "Python, R or Julia</h2>" in render()


def test_the_extension_loads_by_name_as_an_engine_configures_it(own_data):
    html = Markdown(extensions=[zensical_context("compare/expertise.md", {}), "fieldguide.extension"]).convert(PAGE)
    assert "Expertise: the two roles side by side" in html
