"""The data file is validated on every build: each refusal names the file, the key path and the line."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, line_of, problems_for
from fieldguide.core.errors import DataError, format_path
from fieldguide.model.guide import DATA_PATH
from fieldguide.model.load import load_data
from fieldguide.model.schema import load_schema, schema_problems

VALID_TEXT = (FIXTURES / "valid.yml").read_text(encoding="utf-8")


def test_valid_file_loads():
    data = load_data(FIXTURES / "valid.yml")
    assert [r["id"] for r in data["roles"]] == ["data_scientist", "ml_engineer"]
    assert data["sources"][0]["read"] == "2026-11-26"  # dates stay text


def test_real_data_file_is_valid():
    data = load_data(DATA_PATH)
    assert len(data["topics"]) >= 20


def test_key_path_format():
    assert format_path(("topics", 4, "roles", "ml_engineer")) == "topics[4].roles.ml_engineer"
    assert format_path(()) == "(top level)"


def test_wrong_type_names_file_line_and_key_path(write_yaml):
    needle = "      ml_engineer: Deploys, maintains and scales the model."
    text = VALID_TEXT.replace(needle, "      ml_engineer: 42")
    path = write_yaml(text)
    [problem] = problems_for(path)
    assert problem == (
        f"{path}:{line_of(text, '      ml_engineer: 42')}: topics[1].roles.ml_engineer: "
        "expected a string, got a number (42)"
    )


def test_unknown_key_points_at_the_key(write_yaml):
    text = VALID_TEXT.replace("    shared: true\n", "    shared: true\n    colour: blue\n")
    path = write_yaml(text)
    [problem] = problems_for(path)
    assert f":{line_of(text, '    colour: blue')}: topics[0].colour: unknown key" in problem


def test_missing_key(valid_data, write_yaml):
    del valid_data["sources"][1]["period"]
    [problem] = problems_for(write_yaml(valid_data))
    assert "sources[1]: missing required key 'period'" in problem


def test_list_where_text_expected(valid_data, write_yaml):
    valid_data["topics"][0]["title"] = ["Python", "R"]
    [problem] = problems_for(write_yaml(valid_data))
    assert "topics[0].title: expected a string, got a list" in problem


def test_boolean_must_be_true_or_false(valid_data, write_yaml):
    valid_data["topics"][0]["shared"] = "yes please"
    [problem] = problems_for(write_yaml(valid_data))
    assert "topics[0].shared: expected true or false, got a string ('yes please')" in problem


@pytest.mark.parametrize(
    "section, index",
    [("topics", 1), ("sources", 1), ("categories", 1)],
)
def test_duplicate_ids_are_refused(valid_data, write_yaml, section, index):
    valid_data[section][index]["id"] = valid_data[section][0]["id"]
    problems = problems_for(write_yaml(valid_data))
    assert any(f"{section}[{index}].id: duplicate id" in p for p in problems), problems


def test_duplicate_yaml_key_is_refused(write_yaml):
    text = VALID_TEXT.replace("    title: Deployment\n", "    title: Deployment\n    title: Shipping\n")
    path = write_yaml(text)
    [problem] = problems_for(path)
    assert problem == f"{path}:{line_of(text, '    title: Shipping')}: topics[1].title: this key appears twice in the same mapping"


def test_unknown_category_is_refused(valid_data, write_yaml):
    valid_data["topics"][1]["category"] = "hobbies"
    problems = problems_for(write_yaml(valid_data))
    assert any("topics[1].category: unknown category 'hobbies'; expected one of: expertise, responsibilities" in p for p in problems)


def test_unknown_role_is_refused(valid_data, write_yaml):
    valid_data["salary"]["wages"][0]["role"] = "statistician"
    [problem] = problems_for(write_yaml(valid_data))
    assert "salary.wages[0].role: expected one of data_scientist, ml_engineer" in problem


def test_unknown_role_key_in_topic_is_refused(valid_data, write_yaml):
    valid_data["topics"][0]["roles"]["statistician"] = "Counts things."
    [problem] = problems_for(write_yaml(valid_data))
    assert "topics[0].roles.statistician: unknown key" in problem


def test_unknown_source_is_refused(valid_data, write_yaml):
    valid_data["topics"][0]["sources"] = ["brief", "rumour"]
    valid_data["salary"]["wages"][1]["source"] = "hearsay"
    problems = problems_for(write_yaml(valid_data))
    assert any("topics[0].sources[1]: unknown source 'rumour'" in p for p in problems)
    assert any("salary.wages[1].source: unknown source 'hearsay'" in p for p in problems)


def test_malformed_values_are_refused(valid_data, write_yaml):
    valid_data["topics"][0]["id"] = "Python or R"
    valid_data["salary"]["wages"][0]["soc"] = "152051"
    valid_data["sources"][1]["url"] = "javascript:alert(1)"
    valid_data["sources"][0]["read"] = "26/11/2026"
    problems = "\n".join(problems_for(write_yaml(valid_data)))
    assert "topics[0].id: expected text of the form lower-case-words-with-hyphens" in problems
    assert "salary.wages[0].soc: expected text of the form a SOC code" in problems
    assert "sources[1].url: expected text of the form an https:// or http:// address" in problems
    assert "sources[0].read: expected text of the form a date YYYY-MM-DD" in problems


def test_category_without_topics_is_refused(valid_data, write_yaml):
    valid_data["topics"] = valid_data["topics"][:1]
    [problem] = problems_for(write_yaml(valid_data))
    assert "categories[1].id: this category has no topics" in problem


def test_broken_yaml_reports_file_and_line(write_yaml):
    text = VALID_TEXT.replace("    title: Deployment\n", "    title: [Deployment\n")
    path = write_yaml(text)
    [problem] = problems_for(path)
    assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: not valid YAML: ", problem), problem


def test_tab_indentation_reports_line(write_yaml):
    path = write_yaml("roles:\n\t- id: x\n")
    [problem] = problems_for(path)
    assert problem.startswith(f"{path}:2:")


@pytest.mark.parametrize("text, message", [("", "the data file is empty"), ("- a\n- b\n", "expected a mapping")])
def test_empty_or_wrong_shaped_file(write_yaml, text, message):
    [problem] = problems_for(write_yaml(text))
    assert message in problem


def test_missing_file(tmp_path):
    [problem] = problems_for(tmp_path / "nope.yml")
    assert "nope.yml: cannot read the data file" in problem


def test_every_problem_is_reported_at_once(valid_data, write_yaml):
    valid_data["topics"][0]["title"] = 1
    valid_data["topics"][1]["title"] = 2
    assert len(problems_for(write_yaml(valid_data))) == 2


def test_repeated_source_and_third_role_are_refused(valid_data, write_yaml):
    valid_data["topics"][0]["sources"] = ["brief", "brief"]
    valid_data["roles"].append({"id": "ml_engineer", "name": "Again", "page": "roles/again.md"})
    problems = "\n".join(problems_for(write_yaml(valid_data)))
    assert "topics[0].sources: expected each entry once, got a repeated entry" in problems
    assert "roles: expected at most 2 items, got 3" in problems


def test_a_broken_schema_is_refused_cleanly(tmp_path):
    schema = tmp_path / "schema.json"
    schema.write_text('{"type": "object", "properties": {"a": {"type": "strung"}}}')
    with pytest.raises(DataError, match=r"schema.json: not a usable JSON Schema: 'strung' is not valid"):
        load_schema(schema)


def test_standard_keywords_get_readable_messages(write_yaml):
    schema = {"type": "object", "properties": {
        "wage": {"type": "number", "minimum": 0},
        "count": {"type": "integer"},
        "code": {"type": "string", "format": "email", "maxLength": 3},
    }}
    problems = {format_path(p.path): p.message for p in schema_problems({"wage": -5, "count": "many", "code": "abcd"}, schema)}
    assert problems == {
        "wage": "expected a number at least 0, got -5",
        "count": "expected a whole number, got a string ('many')",
        "code": "'abcd' is too long",
    }


def test_empty_text_is_refused(valid_data, write_yaml):
    valid_data["topics"][0]["roles"]["data_scientist"] = ""
    [problem] = problems_for(write_yaml(valid_data))
    assert "topics[0].roles.data_scientist: expected some text, got an empty string" in problem


@pytest.mark.parametrize(
    "text, message",
    [
        ("roles:\n  ? [a, b]\n  : x\n", "roles.?: a key must be plain text"),
        ("roles: []\n---\nroles: []\n", "not valid YAML: expected a single document"),
        ("roles: !!int nope\n", "roles: cannot read 'nope' as int"),
    ],
)
def test_odd_yaml_is_refused_without_a_traceback(write_yaml, text, message):
    problems = problems_for(write_yaml(text))
    assert any(message in p for p in problems), problems


def test_merge_keys_and_unknown_tags_are_not_data(valid_data, write_yaml):
    text = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
    text = text.replace("  - id: deployment\n", "  - <<: {extra: 1}\n    id: deployment\n")
    text = text.replace("    title: Deployment\n", "    title: !!python/object:os.system Deployment\n")
    problems = problems_for(write_yaml(text))
    assert any("topics[1].<<: unknown key" in p for p in problems), problems
