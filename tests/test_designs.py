"""Team designs: the data checks (model/check_designs.py), the blocks (blocks/designs.py) and the page.

Most tests use the small fixture file with three stages of a model's life and two designs added
(`with_designs`), so they test behaviour, not the guide's wording. The golden file is in
tests/golden/: rewrite it with `UPDATE_GOLDEN=1` and review the diff.
"""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from conftest import ROOT, golden, line_of, problems_for
from fieldguide.blocks import designs
from fieldguide.blocks.registry import Context, expand
from fieldguide.core.anchors import read_contract
from fieldguide.core.errors import MarkerError, format_path
from fieldguide.core.markup import href, page_url
from fieldguide.core.pages import TEAM_DESIGNS, design_section
from fieldguide.model.check_designs import design_problems
from fieldguide.model.guide import DATA_PATH, Guide
from fieldguide.model.load import load_data

PAGE = TEAM_DESIGNS.page
STAGE_PAGE = "process/environments.md"
HOSTILE = 'Says "no" to <b>bold</b> & more'
REAL_IDS = ["handoff", "shared-pipeline", "platform-team", "end-to-end"]


def _cells(ds: str, mle: str) -> dict:
    return {"data_scientist": {"level": ds, "why": f"Scientist {ds}."}, "ml_engineer": {"level": mle, "why": f"Engineer {mle}."}}


def with_designs(data: dict) -> dict:
    """The fixture file plus three stages, the matrix's two main columns and two designs."""
    data["lifecycle"] = [
        {"id": stage, "title": f"Stage {stage}", "short": stage.title(), "environment": "deployment",
         "section": f"{STAGE_PAGE}#{stage}", "passes_on": "Something."}
        for stage in ("question", "build", "serve")
    ]
    data["ownership"] = [{"stage": "question", **_cells("leads", "consulted")},
                         {"stage": "build", **_cells("consulted", "leads")},
                         {"stage": "serve", **_cells("none", "leads")}]
    data["team_designs"] = [
        {"id": "handoff", "title": "Hand-off", "mlops_level": 0, "shown_in_matrix": True,
         "travels": "A model <file> & notes.", "fails": "The rebuild drifts.", "suits": "A bank.",
         "ownership": copy.deepcopy(data["ownership"])},
        {"id": "end-to-end", "title": "End-to-end owner", "travels": "Nothing.", "fails": "One person.", "suits": "A start-up.",
         "ownership": [{"stage": "question", **_cells("leads", "none")}, {"stage": "build", **_cells("leads", "leads")},
                       {"stage": "serve", **_cells("contributes", "contributes")}]},
    ]
    data["team_designs"][0]["ownership"][0]["data_scientist"]["why"] = HOSTILE
    return data


@pytest.fixture
def data(valid_data) -> dict:
    return with_designs(valid_data)


def messages(data: dict) -> list[str]:
    return [f"{format_path(p.path)}: {p.message}" for p in design_problems(data)]


def dumped(data: dict, write_yaml):
    """The data written to a file: (path, its text), for problems with their line."""
    path = write_yaml(data)
    return path, path.read_text(encoding="utf-8")


def line_after(text: str, start: str, needle: str) -> int:
    """The line of the first `needle` after the line `start`: a key inside one design."""
    lines = text.splitlines()
    first = line_of(text, start)
    return next(i for i in range(first, len(lines) + 1) if needle in lines[i - 1])


# --- the checks ---------------------------------------------------------------------------------


def test_the_fixture_with_designs_is_valid(data, write_yaml):
    assert messages(data) == []
    assert load_data(write_yaml(data))["team_designs"] == data["team_designs"]


def test_the_fixture_without_designs_stays_valid(valid_data):
    assert design_problems(valid_data) == []


def test_a_missing_stage_is_refused_with_file_and_line(data, write_yaml):
    del data["team_designs"][1]["ownership"][2]
    path, text = dumped(data, write_yaml)
    found = problems_for(path)
    line = line_after(text, "- id: end-to-end", "- stage:")  # the design's list of rows starts here
    assert f"{path}:{line}: team_designs[1].ownership: no row for stage 'serve'" in found


def test_an_unknown_stage_is_refused_with_file_and_line(data, write_yaml):
    data["team_designs"][0]["ownership"][1]["stage"] = "launch-party"
    path, text = dumped(data, write_yaml)
    found = problems_for(path)
    line = line_of(text, "  - stage: launch-party")
    assert any(p.startswith(f"{path}:{line}: team_designs[0].ownership[1].stage: unknown stage 'launch-party'; "
                            "expected one of: question, build, serve") for p in found), found
    assert any(p.endswith("team_designs[0].ownership: no row for stage 'build'") for p in found)


def test_an_unknown_level_is_refused_with_file_and_line(data, write_yaml):
    data["team_designs"][1]["ownership"][1]["ml_engineer"]["level"] = "owns"
    path, text = dumped(data, write_yaml)
    line = line_after(text, "team_designs:", "level: owns")
    assert any(p.startswith(f"{path}:{line}: team_designs[1].ownership[1].ml_engineer.level: ")
               for p in problems_for(path))
    # The check says the same when it runs on data that skipped the schema.
    assert ("team_designs[1].ownership[1].ml_engineer.level: expected one of leads, contributes, consulted, none, "
            "got 'owns'") in messages(data)


def test_a_missing_role_is_refused_with_file_and_line(data, write_yaml):
    del data["team_designs"][1]["ownership"][1]["ml_engineer"]
    path, text = dumped(data, write_yaml)
    line = line_after(text, "- id: end-to-end", "- stage: build")
    assert f"{path}:{line}: team_designs[1].ownership[1]: missing the cell for role 'ml_engineer'" in problems_for(path)


def test_an_unknown_role_and_a_repeated_stage(data):
    data["team_designs"][1]["ownership"][0]["data-analyst"] = {"level": "leads", "why": "x"}
    data["team_designs"][1]["ownership"][2]["stage"] = "build"
    found = messages(data)
    assert any(m.startswith("team_designs[1].ownership[0].data-analyst: unknown role 'data-analyst'") for m in found)
    assert "team_designs[1].ownership[2].stage: duplicate stage 'build', already used at team_designs[1].ownership[1]" in found


def test_design_ids_are_unique(data):
    data["team_designs"][1]["id"] = "handoff"
    assert "team_designs[1].id: duplicate design id 'handoff', already used at team_designs[0]" in messages(data)


def test_the_design_the_matrix_shows_must_agree_with_it(data):
    data["team_designs"][0]["ownership"][2]["data_scientist"]["level"] = "leads"
    assert ("team_designs[0].ownership[2].data_scientist.level: the ownership matrix says 'none' here; "
            "the design it shows must say the same") in messages(data)


def test_only_one_design_is_the_matrixs(data):
    data["team_designs"][1]["shown_in_matrix"] = True
    found = messages(data)
    assert "team_designs[1].shown_in_matrix: only one design can be the matrix's; team_designs[0] already is" in found


def test_designs_need_the_stages(data):
    del data["lifecycle"], data["ownership"]
    assert messages(data) == ["team_designs: the designs split the stages of 'lifecycle', which the file leaves out"]


# --- the blocks ---------------------------------------------------------------------------------


def render(data: dict, marker: str) -> str:
    return expand(f"<!-- {marker} -->", Context(Guide(data), PAGE))


def rows_of(html: str) -> list[str]:
    return re.findall(r'<tr><th scope="row">.*?</tr>', html)


@pytest.mark.parametrize("design", ["handoff", "end-to-end"])
def test_a_design_renders_every_stage_for_both_roles(data, design):
    html = render(data, f"team-design: {design}")
    assert re.findall(r'<th scope="col">([^<]+)</th>', html) == ["Stage", "Data scientist", "ML engineer"]
    rows = rows_of(html)
    assert len(rows) == len(data["lifecycle"])
    rows_in_data = next(d for d in data["team_designs"] if d["id"] == design)["ownership"]
    for row, stage, cells in zip(rows, data["lifecycle"], rows_in_data):
        assert f'<a href="{href(PAGE, STAGE_PAGE, stage["id"])}">{stage["title"]}</a>' in row
        assert re.findall(r'fg-level-(\w+)">', row) == [cells["data_scientist"]["level"], cells["ml_engineer"]["level"]]
        assert re.findall(r'<td><span class="fg-cell-role">([^<]+): </span>', row) == ["Data scientist", "ML engineer"]  # phone cards


def test_a_design_names_itself_and_lists_what_travels_fails_and_suits(data):
    html = render(data, "team-design: handoff")
    assert "<caption>Hand-off design (MLOps level 0): who owns each stage" in html
    assert re.findall(r"<dt>([^<]+)</dt>", html) == ["What travels between the roles", "Where it fails", "Which teams it suits"]
    assert "A model &lt;file&gt; &amp; notes." in html and "<file>" not in html
    assert "<caption>End-to-end owner design: who owns" in render(data, "team-design: end-to-end")


def test_design_table_golden(data):
    guide = Guide(data)
    golden("team-design-handoff.html", designs.build_team_design(Context(guide, PAGE), guide.design("handoff")))


def test_comparison_names_who_leads_each_stage(data):
    html = render(data, "team-designs")
    heads = re.findall(r'<th scope="col">(.*?)</th>', html)
    assert heads == ["Stage", '<a href="#handoff">Hand-off</a>', '<a href="#end-to-end">End-to-end owner</a>']
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in rows_of(html)]
    assert cells == [["Data scientist", "Data scientist"], ["ML engineer", "Data scientist and ML engineer"],
                     ["ML engineer", "Nobody"]]


def test_an_unknown_design_is_a_marker_error(data):
    with pytest.raises(MarkerError, match="unknown team design 'waterfall'; expected one of: handoff, end-to-end"):
        render(data, "team-design: waterfall")


def test_without_designs_the_blocks_are_clean_marker_errors(valid_data):
    with pytest.raises(MarkerError, match="the data file has no 'team_designs'"):
        render(valid_data, "team-designs")
    with pytest.raises(MarkerError, match="unknown team design 'handoff'"):
        render(valid_data, "team-design: handoff")


# --- the real data and the page -------------------------------------------------------------------


def test_real_data_has_the_four_designs_and_the_matrix_design():
    real = load_data(DATA_PATH)
    assert design_problems(real) == []
    assert [d["id"] for d in real["team_designs"]] == REAL_IDS
    assert [d["id"] for d in real["team_designs"] if d.get("shown_in_matrix")] == ["handoff"]


def test_every_design_has_its_section_in_the_contract():
    promised = {anchor.target for anchor in read_contract()}
    for design_id in [*REAL_IDS, "choosing-a-design"]:
        assert f"{page_url(PAGE)}#{design_section(design_id).anchor}" in promised


def test_the_page_is_generated_from_the_data():
    """No table on the page is typed by hand; editing one cell in the data changes the page."""
    markdown = (ROOT / "docs" / PAGE).read_text(encoding="utf-8")
    assert not re.search(r"^\s*\|", markdown, re.MULTILINE) and "<table" not in markdown
    for design_id in REAL_IDS:
        assert re.search(rf"^## .+ \{{ #{design_id} \}}$", markdown, re.MULTILINE), design_id
        assert f"<!-- team-design: {design_id} -->" in markdown
    data = copy.deepcopy(yaml.safe_load(DATA_PATH.read_text(encoding="utf-8")))
    before = expand(markdown, Context(Guide(data), PAGE))
    assert before.count("<table>") == len(REAL_IDS) + 1
    cell = data["team_designs"][2]["ownership"][3]["ml_engineer"]
    cell.update(level="leads", why="Trains every model & <reviews> it")
    after = expand(markdown, Context(Guide(data), PAGE))
    assert after != before
    assert "Trains every model &amp; &lt;reviews&gt; it" in after and "<reviews>" not in after
