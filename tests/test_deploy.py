"""A deployed copy knows its own address, and every page previews well when its link is shared."""

from __future__ import annotations

import yaml

from conftest import ROOT, check_previews
from fieldguide.core.menu import read_config

WORKFLOW = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))


def steps() -> list[dict]:
    return WORKFLOW["jobs"]["build"]["steps"]


def test_the_build_takes_its_address_from_the_pages_configuration():
    [pages] = [s for s in steps() if str(s.get("uses", "")).startswith("actions/configure-pages@")]
    [build] = [s for s in steps() if s.get("run") == "make build"]
    assert f"steps.{pages['id']}.outputs.base_url" in build["env"]["SITE_URL"]
    assert steps().index(pages) < steps().index(build)


def test_the_placeholder_is_mkdocs_yml_default_and_is_refused_before_upload():
    placeholder = WORKFLOW["env"]["PLACEHOLDER_URL"]
    assert f'!ENV [SITE_URL, "{placeholder}"]' in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    [guard] = [s for s in steps() if "PLACEHOLDER_URL" in s.get("run", "")]
    [upload] = [s for s in steps() if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")]
    assert steps().index(guard) < steps().index(upload) and "exit 1" in guard["run"]


def test_the_stand_in_repository_is_mkdocs_yml_and_is_refused_before_upload():
    stand_in = WORKFLOW["env"]["PLACEHOLDER_REPOSITORY"]
    assert read_config(ROOT / "mkdocs.yml")["extra"]["repository"] == stand_in.rstrip("/")
    [guard] = [s for s in steps() if "PLACEHOLDER_REPOSITORY" in s.get("run", "")]
    assert "PLACEHOLDER_URL" in guard["run"] and "exit 1" in guard["run"]


def test_every_page_carries_preview_metadata(built_site):
    check_previews(built_site)
