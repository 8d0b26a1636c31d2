"""The MkDocs hook's wiring, event by event, without a full build: how a bad page fails a build."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from markdown import Markdown
from mkdocs.exceptions import PluginError

import fieldguide_hook as hook
from conftest import FIXTURES
from fieldguide.extension import Build
from fieldguide.model.guide import Guide


@pytest.fixture
def building(monkeypatch):
    """The hook as `mkdocs build` leaves it after on_startup and on_pre_build, on the small data file."""
    monkeypatch.setattr(hook._State, "serving", False)
    monkeypatch.setattr(hook._State, "data_error", "")
    monkeypatch.setattr(hook.extension, "build", Build(Guide.load(FIXTURES / "valid.yml"), [], ""))
    monkeypatch.setattr(hook.extension, "on_error", hook._marker_failed)
    return hook


def render(page: str, markdown: str) -> str:
    hook.on_page_markdown(markdown, SimpleNamespace(file=SimpleNamespace(src_uri=page), meta={}), None, None)
    return Markdown(extensions=[hook.extension, "attr_list", "toc"]).convert(markdown)


def test_a_bad_marker_fails_the_build_naming_the_page(building):
    with pytest.raises(PluginError) as caught:
        render("compare/expertise.md", "# Expertise\n\n<!-- comparison: hobbies -->\n")
    assert "compare/expertise.md: marker '<!-- comparison: hobbies -->': unknown category 'hobbies'" in str(caught.value)


def test_a_topic_without_its_section_fails_the_build_after_rendering(building, tmp_path):
    render("compare/expertise.md", "# Expertise\n\n<!-- topics: expertise -->\n")  # deployment's page is never rendered
    with pytest.raises(PluginError) as caught:
        hook.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
    assert "topic 'deployment' must have exactly one section there, found 0" in str(caught.value)


def test_while_serving_a_bad_marker_is_logged_and_the_page_still_renders(building, monkeypatch, caplog):
    monkeypatch.setattr(hook._State, "serving", True)
    html = render("compare/expertise.md", "# Expertise\n\n<!-- comparison: hobbies -->\n")
    assert "The data file has errors" in html and "unknown category" in caplog.text
