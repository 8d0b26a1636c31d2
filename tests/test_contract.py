"""Links are a contract: every anchor in data/anchors.txt keeps working, and the list is complete."""

from __future__ import annotations

import pytest

from conftest import PROMISED, copy_project, mkdocs_build
from fieldguide.core.anchors import Anchor, broken_promises, placed, read_contract, unlisted
from fieldguide.core.markup import page_url
from fieldguide.core.pages import fixed_sections, learn_first, skill_section
from fieldguide.model.guide import Guide

CONTRACT = read_contract()



def test_contract_holds_the_promised_links():
    targets = {a.target for a in CONTRACT}
    assert set(PROMISED) <= targets


def test_contract_never_lists_a_link_twice():
    targets = [a.target for a in CONTRACT]
    assert len(targets) == len(set(targets))


def test_every_contract_link_works(built_site):
    assert broken_promises(CONTRACT, built_site) == []


def test_every_section_is_in_the_contract(built_site):
    missing = [a.line() for a in unlisted(CONTRACT, built_site)]
    assert missing == [], "new sections: run `make anchors` to add them to data/anchors.txt"


def test_links_page_lists_every_contract_link(built_site):
    html = (built_site / "links.html").read_text(encoding="utf-8")
    for anchor in CONTRACT:
        if not anchor.is_alias:
            assert f'href="{anchor.target}"' in html, anchor.target


@pytest.fixture
def renamed(tmp_path):
    """Build a copy whose data scientist page renames a section; return (project, build)."""

    def build(old: str, new: str):
        project = copy_project(tmp_path / "project")
        page = project / "docs/roles/data-scientist.md"
        text = page.read_text(encoding="utf-8")
        assert old in text
        page.write_text(text.replace(old, new), encoding="utf-8")
        site = tmp_path / "site"
        # Not strict: links elsewhere in the guide to the old id would stop a strict build
        # first; here the contract alone must notice.
        result = mkdocs_build(project, site, strict=False)
        assert result.returncode == 0, result.stderr
        return site

    return build


def test_renaming_a_section_id_breaks_the_contract(renamed):
    site = renamed("## Responsibilities { #responsibilities }", "## Duties { #duties }")
    assert broken_promises(CONTRACT, site) == [
        "roles/data-scientist.html#responsibilities: the section is gone (keep its id, or add an alias element)"
    ]


def test_renaming_a_heading_without_its_id_breaks_the_contract(renamed):
    site = renamed("## Responsibilities { #responsibilities }", "## Duties")
    assert "roles/data-scientist.html#responsibilities: the section is gone" in broken_promises(CONTRACT, site)[0]


def test_retitling_a_heading_is_caught(renamed):
    site = renamed("## Responsibilities { #responsibilities }", "## Duties { #responsibilities }")
    assert broken_promises(CONTRACT, site) == [
        "roles/data-scientist.html#responsibilities: heading is now 'Duties', the contract says 'Responsibilities'"
    ]


def test_an_alias_keeps_a_renamed_section_alive(renamed):
    site = renamed(
        "## Responsibilities { #responsibilities }",
        '## Duties { #duties }\n\n<span id="responsibilities"></span>',
    )
    contract = [a for a in CONTRACT if a.target != "roles/data-scientist.html#responsibilities"]
    contract += [
        Anchor("roles/data-scientist.html", "duties", "Duties"),
        Anchor("roles/data-scientist.html", "responsibilities", "(alias of #duties)"),
    ]
    assert broken_promises(contract, site) == []


def test_a_redirect_keeps_a_moved_page_alive(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs/glossary.md").rename(project / "docs/terms.md")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("Glossary: glossary.md", "Glossary: terms.md")
    config = config.replace("redirect_maps: {}", "redirect_maps:\n        glossary.md: terms.md")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace("glossary.md", "terms.md"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    glossary = [a for a in CONTRACT if a.page == "glossary.html"]
    assert glossary and broken_promises(glossary, site) == []
    (site / "glossary.html").unlink()
    assert broken_promises(glossary, site)[0] == "glossary.html: the page is gone (keep it with a redirect)"


def test_new_anchors_are_placed_after_their_neighbour_on_the_page():
    a, b, c = (Anchor("p.html", x, x.upper()) for x in ("a", "b", "c"))
    other, new_page = Anchor("q.html", "z", "Z"), Anchor("r.html", "", "R")
    result = placed([a, c, other], [b, new_page], [a, b, c, other, new_page])
    assert [x.target for x in result] == ["p.html#a", "p.html#b", "p.html#c", "q.html#z", "r.html"]


def test_every_section_the_generator_links_to_is_in_the_contract():
    """Page paths and section ids typed in core/pages.py: renaming one on a page must fail here, not break links."""
    promised = {anchor.target for anchor in read_contract()}
    guide = Guide.load()
    sections = [*fixed_sections(), *(learn_first(role["id"]) for role in guide.roles),
                *(skill_section(skill["id"]) for skill in guide.skills)]
    missing = [f"{page_url(s.page)}#{s.anchor}" if s.anchor else page_url(s.page) for s in sections
               if (f"{page_url(s.page)}#{s.anchor}" if s.anchor else page_url(s.page)) not in promised]
    assert missing == []
