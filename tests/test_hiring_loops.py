"""The hiring kit's interview loops and scoring rubric, and each role's own clause in its job description.

Golden files live in tests/golden/; after a deliberate change to the output, rewrite
them with `UPDATE_GOLDEN=1` and review the diff.
"""

from __future__ import annotations

import copy

import pytest
from markupsafe import Markup

from conftest import HOSTILE, golden, problems_for
from fieldguide.blocks import hiring, pay_tables
from fieldguide.blocks.registry import Context, expand
from fieldguide.core.errors import MarkerError
from fieldguide.core.pages import HIRING
from fieldguide.model.check_hiring import hiring_problems
from fieldguide.model.guide import Guide

REAL = Guide.load()

LOOPS = [
    {"role": "data_scientist", "sources": ["framework"], "stages": [
        {"id": "sql", "title": "SQL", "skills": ["sql"], "tests": "Pulling rows.",
         "question": "Count weekly orders.", "strong": "Checks the total."},
    ]},
    {"role": "ml_engineer", "sources": ["framework"], "stages": [
        {"id": "design", "title": "ML system design", "skills": ["serving", "sql"], "tests": "The path to live answers.",
         "question": "Design a fraud scorer.", "strong": "Plans rollback."},
        {"id": "debugging", "title": "Production debugging", "skills": ["serving"], "tests": "Staying methodical.",
         "question": "An alert fires.", "strong": "Stops the harm first."},
    ]},
]


@pytest.fixture
def data(valid_data) -> dict:
    """The small data file with a loop for each role and a rubric for its one level."""
    valid_data["interview_loops"] = copy.deepcopy(LOOPS)
    valid_data["scoring"] = [{"level": "junior", "signals": ["Solves a defined task.", "Checks the result."]}]
    return valid_data


def block(data: dict, marker: str) -> str:
    return expand(f"<!-- {marker} -->", Context(Guide(data), HIRING.page)).strip("\n")


def messages(data: dict) -> list[str]:
    return [problem.message for problem in hiring_problems(data)]


# --- the checks ---------------------------------------------------------------------------------------


def test_the_real_data_has_a_loop_for_each_role_and_a_rubric_for_each_level():
    assert hiring_problems(REAL.data) == []
    assert [REAL.interview_loop(role["id"])["role"] for role in REAL.roles] == ["data_scientist", "ml_engineer"]
    assert [entry["level"] for entry in REAL.scoring] == [level["id"] for level in REAL.levels]


def test_the_small_data_passes(data):
    assert hiring_problems(data) == []


def test_a_stage_must_test_a_known_skill_of_its_own_role(data):
    data["interview_loops"][0]["stages"][0]["skills"] = ["sqll", "serving"]
    found = messages(data)
    assert "unknown skill 'sqll'; expected one of: serving, sql" in found
    assert any("'serving' is not on the data_scientist roadmap" in m for m in found)


def test_a_loop_is_needed_for_both_roles_and_once_each(data):
    data["interview_loops"][1]["role"] = "data_scientist"
    found = messages(data)
    assert any(m.startswith("duplicate interview loop for role 'data_scientist'") for m in found)
    assert "no loop for ml_engineer; the hiring guide shows both roles" in found


def test_stage_ids_are_unique_within_a_loop(data):
    data["interview_loops"][1]["stages"][1]["id"] = "design"
    assert any(m.startswith("duplicate stage id 'design'") for m in messages(data))


def test_a_loop_cites_known_sources(data):
    data["interview_loops"][0]["sources"] = ["nowhere"]
    assert any(m.startswith("unknown source 'nowhere'") for m in messages(data))


def test_the_rubric_covers_every_level_and_no_other(data):
    data["scoring"] = [{"level": "senior", "signals": ["Frames the question."]}]
    found = messages(data)
    assert any(m.startswith("unknown level 'senior'") for m in found)
    assert "no signals for level 'junior'; the rubric covers every level" in found


def test_shared_tools_may_not_carry_one_role_clause(data):
    data["skills"][0]["tools"] = "joins; for engineers also query plans"
    assert any("ties shared tools to one role" in m for m in messages(data))
    del data["skills"][0]["roles"]["ml_engineer"]  # one role only: its tools are its own
    assert not any("ties shared tools to one role" in m for m in messages(data))


def test_the_checks_run_when_the_file_loads(data, write_yaml):
    data["scoring"][0]["level"] = "senior"
    assert any("scoring[0].level: unknown level 'senior'" in p for p in problems_for(write_yaml(data)))


# --- the job description: each role gets its own clause only ------------------------------------------


def test_a_role_tools_clause_reaches_only_that_role(data):
    data["skills"][0]["roles"]["ml_engineer"]["tools"] = "query plans"
    ctx = Context(Guide(data), HIRING.page)
    scientist = hiring.job_description_text(ctx, ctx.guide.role("data_scientist"))
    engineer = hiring.job_description_text(ctx, ctx.guide.role("ml_engineer"))
    assert "- SQL (joins, window functions)\n" in scientist + "\n" and "query plans" not in scientist
    assert "- SQL (joins, window functions; query plans)" in engineer


def test_no_real_job_description_carries_another_role_clause():
    ctx = Context(REAL, HIRING.page)
    for role in REAL.roles:
        text = hiring.job_description_text(ctx, role)
        other = "ml_engineer" if role["id"] == "data_scientist" else "data_scientist"
        for skill in REAL.skills_for(other):
            own = skill["roles"][other].get("tools")
            assert not own or own not in text, (role["id"], own)
        assert "for engineers" not in text and "for data scientists" not in text


# --- the blocks ---------------------------------------------------------------------------------------


def test_the_loop_lists_stages_in_order_with_question_and_strong_answer(data):
    html = block(data, "interview-loop: ml_engineer")
    assert html.index("ML system design") < html.index("Production debugging")
    assert "<dt>Sample question</dt><dd>Design a fraud scorer.</dd>" in html
    assert "<dt>A strong answer</dt><dd>Plans rollback.</dd>" in html
    assert 'Roadmap: <a href="../compare/skills.html#skill-serving">Model serving</a>, ' in html
    assert 'Stages as interview guides describe them: <a href="../sources.html#source-framework">' in html


def test_a_role_without_a_loop_is_refused(data):
    del data["interview_loops"][1]
    with pytest.raises(MarkerError, match="unknown interview loop for role 'ml_engineer'"):
        block(data, "interview-loop: ml_engineer")


def test_the_rubric_has_a_row_per_level_with_its_signals(data):
    html = block(data, "scoring")
    assert "<caption>What a panel should see at each level</caption>" in html
    assert '<th scope="row">Junior</th><td><ul><li>Solves a defined task.</li><li>Checks the result.</li></ul></td>' in html


def test_the_rubric_needs_its_section(valid_data):
    with pytest.raises(MarkerError, match="the data file has no 'scoring'"):
        block(valid_data, "scoring")


@pytest.mark.parametrize("marker", ["interview-loop: ml_engineer", "scoring"])
def test_data_is_escaped_once(data, marker):
    data["interview_loops"][1]["stages"][0]["title"] = HOSTILE
    data["interview_loops"][1]["stages"][0]["question"] = HOSTILE
    data["scoring"][0]["signals"] = [HOSTILE]
    data["levels"][0]["title"] = "Junior <i>one</i>"
    html = (hiring.build_interview_loop if marker != "scoring" else hiring.build_scoring)(
        Context(Guide(data), HIRING.page), *([Guide(data).role("ml_engineer")] if marker != "scoring" else []))
    assert isinstance(html, Markup)
    assert "<script>alert" not in html and "&amp;lt;" not in html and "&amp;amp;" not in html


def test_interview_loop_golden(data):
    data["interview_loops"][1]["stages"][0]["question"] = HOSTILE
    golden("interview-loop-ml-engineer.html", block(data, "interview-loop: ml_engineer") + "\n")


# --- pay: whose figure a wage is ----------------------------------------------------------------------


def test_a_role_own_occupation_says_what_else_its_code_counts():
    html = pay_tables.pay_trend(Context(REAL, "compare/salary.md"))
    assert "Data scientist (SOC 15-2051, which also counts BI analysts)" in html
    assert "its own figure" not in html
