"""An LLM application's stages and who owns them, and the AI engineer as a neighbouring role.

The block is hooks/fieldguide/blocks/llm.py (`<!-- llm-ownership -->`); the checks are
model/check_llm.py. Most tests add a small `llm_stages` section to the fixture file, written as
text so that each problem's line number can be checked. The golden file is tests/golden/llm-ownership.html:
rewrite it with `UPDATE_GOLDEN=1` and review the diff.
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import FIXTURES, golden, line_of, problems_for
from fieldguide.blocks.llm import build_llm_ownership
from fieldguide.blocks.registry import Context, expand
from fieldguide.core.errors import MarkerError, format_path
from fieldguide.model.check_llm import LLM_ROLES, llm_problems
from fieldguide.model.guide import Guide
from fieldguide.model.load import load_data

PAGE = "compare/ai-engineering.md"
NEIGHBOURS_PAGE = "compare/neighbouring-roles.md"

# The fixture file plus the AI engineer and two stages; the second stage's reason is hostile text.
LLM_TEXT = (FIXTURES / "valid.yml").read_text(encoding="utf-8") + """\
neighbouring_roles:
  - id: ai-engineer
    name: AI engineer
    short: AI
llm_stages:
  - id: llm-prompting
    title: Write the prompts
    what: Tell the model what to do.
    data_scientist: {level: consulted, why: Asks for a test.}
    ml_engineer: {level: none, why: Not involved.}
    ai-engineer: {level: leads, why: Writes the prompts.}
  - id: llm-evaluation
    title: Evaluate
    what: Score answers on a fixed set of questions.
    data_scientist: {level: leads, why: 'Designs the <b>test set</b> & "labels".'}
    ml_engineer: {level: contributes, why: Runs it in the release pipeline.}
    ai-engineer: {level: contributes, why: Fixes what fails.}
"""


@pytest.fixture
def data() -> dict:
    return yaml.safe_load(LLM_TEXT)


def render(data: dict, marker: str = "llm-ownership", page: str = PAGE) -> str:
    return expand(f"<!-- {marker} -->", Context(Guide(data), page))


def messages(data: dict) -> list[str]:
    return [f"{format_path(p.path)}: {p.message}" for p in llm_problems(data)]


def headers_of(html: str) -> list[str]:
    return re.findall(r'<th scope="col">([^<]+)</th>', html)


# --- the checks -------------------------------------------------------------------------------------


def test_the_fixture_with_llm_stages_is_valid(write_yaml, data):
    assert load_data(write_yaml(LLM_TEXT))["llm_stages"] == data["llm_stages"]


def test_a_file_without_llm_stages_stays_valid(valid_data):
    assert messages(valid_data) == []


def test_a_missing_role_cell_is_refused_at_its_stage(write_yaml):
    text = LLM_TEXT.replace("    ml_engineer: {level: contributes, why: Runs it in the release pipeline.}\n", "")
    path = write_yaml(text)
    assert problems_for(path) == [
        f"{path}:{line_of(text, '  - id: llm-evaluation')}: llm_stages[1]: missing the cell for role 'ml_engineer'"
    ]


def test_an_unknown_level_is_refused_at_its_line(write_yaml):
    text = LLM_TEXT.replace("{level: leads, why: Writes the prompts.}", "{level: owns, why: Writes the prompts.}")
    path = write_yaml(text)
    line = line_of(text, "    ai-engineer: {level: owns, why: Writes the prompts.}")
    assert problems_for(path) == [
        f"{path}:{line}: llm_stages[0].ai-engineer.level: expected one of leads, contributes, consulted, none, got a string ('owns')"
    ]


def test_the_check_itself_refuses_a_bad_level_and_a_bad_cell(data):
    # The schema catches these first when a file loads; the check must not rely on it.
    data["llm_stages"][0]["ai-engineer"]["level"] = "owns"
    data["llm_stages"][1]["ml_engineer"] = "leads"
    found = messages(data)
    assert "llm_stages[0].ai-engineer.level: expected one of leads, contributes, consulted, none, got 'owns'" in found
    assert "llm_stages[1].ml_engineer: expected a mapping with 'level' and 'why'" in found


def test_stage_ids_are_unique(write_yaml):
    text = LLM_TEXT.replace("  - id: llm-evaluation", "  - id: llm-prompting")
    path = write_yaml(text)
    line = text.splitlines().index("  - id: llm-prompting", line_of(text, "  - id: llm-prompting")) + 1
    assert problems_for(path) == [
        f"{path}:{line}: llm_stages[1].id: duplicate stage id 'llm-prompting', already used at llm_stages[0]"
    ]


def test_each_role_of_the_table_must_exist(write_yaml, data):
    del data["neighbouring_roles"]
    path = write_yaml(data)
    [problem] = problems_for(path)
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+: llm_stages: role 'ai-engineer' is in neither roles nor "
                        r"neighbouring_roles; the table needs its name", problem)


def test_a_cell_for_another_role_is_refused(write_yaml):
    text = LLM_TEXT.replace("    ai-engineer: {level: contributes, why: Fixes what fails.}\n",
                            "    ai-engineer: {level: contributes, why: Fixes what fails.}\n"
                            "    data-analyst: {level: none, why: Not involved.}\n")
    path = write_yaml(text)
    [problem] = problems_for(path)
    assert problem.startswith(f"{path}:{line_of(text, '    data-analyst: {level: none, why: Not involved.}')}: "
                              "llm_stages[1].data-analyst: unknown key")


# --- the table ---------------------------------------------------------------------------------------


def test_the_table_lists_every_stage_with_the_three_roles(data):
    html = render(data)
    names = [r["name"] for r in [*data["roles"], *data["neighbouring_roles"]]]
    assert headers_of(html) == ["Stage", "What happens", *names]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', html)
    assert [title for title, _ in rows] == [stage["title"] for stage in data["llm_stages"]]
    for (_, cells), stage in zip(rows, data["llm_stages"]):
        assert re.findall(r"<td[^>]*>(.*?)</td>", cells)[0].endswith("</span>" + stage["what"])
        # On phones each row is a card, and each cell shows its column's name before its value.
        assert re.findall(r'<td><span class="fg-cell-role">([^<]*): </span>', cells) == headers_of(html)[1:]
        assert re.findall(r'fg-level-(\w+)">', cells) == [stage[role]["level"] for role in LLM_ROLES]


def test_one_cell_edit_changes_the_table(data):
    before = render(data)
    data["llm_stages"][0]["ml_engineer"] = {"level": "leads", "why": "Owns the prompt store."}
    after = render(data)
    assert before != after and "Owns the prompt store." in after and 'fg-level-leads">Leads</span> Owns' in after


def test_data_is_escaped_once(data):
    html = render(data)
    assert "Designs the &lt;b&gt;test set&lt;/b&gt; &amp; &#34;labels&#34;." in html
    assert "<b>" not in html


def test_table_golden(data):
    golden("llm-ownership.html", build_llm_ownership(Context(Guide(data), PAGE)))


def test_without_llm_stages_the_marker_names_the_missing_key(valid_data):
    with pytest.raises(MarkerError, match=f"{PAGE}: marker .*the data file has no 'llm_stages'"):
        render(valid_data)


def test_without_the_ai_engineer_the_marker_names_the_missing_role(data):
    del data["neighbouring_roles"]
    with pytest.raises(MarkerError, match="unknown neighbouring role 'ai-engineer'"):
        render(data)


# --- the guide's own data -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guide() -> Guide:
    return Guide.load()


def test_the_guide_table_has_every_stage_and_the_three_roles(guide):
    html = render(guide.data)
    assert headers_of(html)[2:] == [role["name"] for role in guide.llm_roles]
    assert [r["id"] for r in guide.llm_roles] == list(LLM_ROLES)
    titles = re.findall(r'<tr><th scope="row">(.*?)</th>', html)
    assert titles == [stage["title"] for stage in guide.llm_stages] and titles


def test_every_neighbouring_role_has_a_column_in_the_ownership_matrix(guide):
    html = render(guide.data, "ownership-matrix", NEIGHBOURS_PAGE)
    assert "ai-engineer" in [role["id"] for role in guide.neighbours]
    assert headers_of(html) == ["Stage", *(role["name"] for role in guide.all_roles)]
    for row in re.findall(r'<tr><th scope="row">.*?</tr>', html):
        assert len(re.findall(r"<td[ >]", row)) == len(guide.all_roles)


def test_every_neighbouring_role_has_a_column_in_the_ownership_map(guide):
    html = render(guide.data, "ownership-map", NEIGHBOURS_PAGE)
    heads = set(re.findall(r'<text [^>]*class="fg-strong"[^>]*>([^<]+)</text>', html))
    assert [role for role in guide.all_roles if role.get("short", role["name"]) not in heads] == []


def test_the_ai_engineer_has_a_section_on_the_neighbouring_roles_page(guide):
    html = render(guide.data, "neighbour: ai-engineer", NEIGHBOURS_PAGE)
    assert html.strip().startswith("## AI engineer { #ai-engineer }")
