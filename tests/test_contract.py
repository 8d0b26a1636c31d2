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


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """One copy with five edits that touch different sections, built once, not strict: links elsewhere
    in the guide to a renamed id would stop a strict build first; here the contract alone must notice.
    A section renamed, one renamed without its id, one retitled, one renamed behind an alias, and the
    glossary moved behind a redirect."""
    work = tmp_path_factory.mktemp("contract")
    project = copy_project(work / "project")
    scientist, engineer = project / "docs/roles/data-scientist.md", project / "docs/roles/ml-engineer.md"
    edit(scientist, "## Responsibilities { #responsibilities }", "## Duties { #duties }")
    edit(engineer, "## Responsibilities { #responsibilities }", "## Duties")
    edit(scientist, "## Expertise { #expertise }", "## Know-how { #expertise }")
    edit(engineer, "## Expertise { #expertise }", '## Know-how { #know-how }\n\n<span id="expertise"></span>')
    (project / "docs/glossary.md").rename(project / "docs/terms.md")
    edit(project / "mkdocs.yml", "Glossary: glossary.md", "Glossary: terms.md")
    edit(project / "mkdocs.yml", "redirect_maps: {}", "redirect_maps:\n        glossary.md: terms.md")
    for page in (project / "docs").rglob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace("glossary.md", "terms.md"), encoding="utf-8")
    result = mkdocs_build(project, work / "site", strict=False)
    assert result.returncode == 0, result.stderr
    return work / "site"


def promises_broken(site, page: str, anchor: str) -> list[str]:
    return broken_promises([a for a in CONTRACT if a.page == page and a.anchor == anchor], site)


def test_renaming_a_section_id_breaks_the_contract(edited):
    assert promises_broken(edited, "roles/data-scientist.html", "responsibilities") == [
        "roles/data-scientist.html#responsibilities: the section is gone (keep its id, or add an alias element)"
    ]


def test_renaming_a_heading_without_its_id_breaks_the_contract(edited):
    [broken] = promises_broken(edited, "roles/ml-engineer.html", "responsibilities")
    assert "roles/ml-engineer.html#responsibilities: the section is gone" in broken


def test_retitling_a_heading_is_caught(edited):
    assert promises_broken(edited, "roles/data-scientist.html", "expertise") == [
        "roles/data-scientist.html#expertise: heading is now 'Know-how', the contract says 'Expertise'"
    ]


def test_an_alias_keeps_a_renamed_section_alive(edited):
    contract = [Anchor("roles/ml-engineer.html", "know-how", "Know-how"),
                Anchor("roles/ml-engineer.html", "expertise", "(alias of #know-how)")]
    assert broken_promises(contract, edited) == []


def test_a_redirect_keeps_a_moved_page_alive(edited, tmp_path):
    glossary = [a for a in CONTRACT if a.page == "glossary.html"]
    assert glossary and broken_promises(glossary, edited) == []
    assert broken_promises(glossary, tmp_path)[0] == "glossary.html: the page is gone (keep it with a redirect)"


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
