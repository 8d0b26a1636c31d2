"""Skills, levels, hiring kit and job-posting signals: their data checks and their generated blocks.

Golden files live in tests/golden/; after a deliberate change to the output, rewrite
them with `UPDATE_GOLDEN=1` and review the diff.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from markupsafe import Markup

from conftest import FIXTURES, HOSTILE, ROOT, golden, inlined, line_of, problems_for
from fieldguide.blocks import hiring, skills, tools
from fieldguide.blocks.common import in_sentence
from fieldguide.blocks.registry import MARKERS, Context, expand
from fieldguide.core.errors import MarkerError
from fieldguide.core.pages import CHOOSING, HIRING, READER, SKILLS
from fieldguide.model.check_skills import pattern_problem, skills_problems
from fieldguide.model.guide import Guide

VALID_TEXT = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
REAL = Guide.load()
@pytest.fixture
def hostile_guide(valid_data) -> Guide:
    """The small data with markup, Markdown and line breaks in the values a block shows."""
    valid_data["skills"][0]["title"] = "SQL <b>& more</b>"
    valid_data["skills"][0]["tools"] = HOSTILE
    valid_data["levels"][0]["title"] = "Junior <i>one</i>"
    valid_data["levels"][0]["roles"]["data_scientist"]["scope"] = HOSTILE
    valid_data["job_descriptions"][1]["duties"] = [HOSTILE, "Deploy models."]
    valid_data["signals"][0]["label"] = HOSTILE
    return Guide(valid_data)


def block(guide: Guide, page: str, marker: str) -> str:
    """A marker expanded as a page would, without the blank lines around it."""
    return expand(f"<!-- {marker} -->", Context(guide, page)).strip("\n")


# --- the checks ---------------------------------------------------------------------------------------


def test_real_data_passes_every_check():
    assert skills_problems(REAL.data) == []
    assert REAL.skills and REAL.levels and REAL.signals and REAL.assessment


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("A/B test(", "does not compile"),
        ("(?<=big )data", "lookbehind"),
        ("(?<!small )data", "lookbehind"),
        ("(?P<x>data)", "named group"),
        ("(?<name>data)", "named group"),
        ("(?i)data", "inline flag"),
        ("(?>data)", "atomic group"),
        ("data++", "possessive"),
        ("\\Adata", "escape only Python knows"),
        ("data{,3}", "without a lower bound"),
        ("(data)?", "matches empty text"),
        ("x*", "matches empty text"),
    ],
)
def test_patterns_browsers_would_read_differently_are_refused(pattern, message):
    assert message in pattern_problem(pattern)


@pytest.mark.parametrize("pattern", ["A/B test(s|ing)?", "C\\+\\+", "reporting(?! to)", "(?:ML|machine learning) ops", "\\bdata\\\\"])
def test_portable_patterns_pass(pattern):
    assert pattern_problem(pattern) is None


def test_a_pattern_that_does_not_compile_names_file_line_and_key(write_yaml):
    text = VALID_TEXT.replace("    pattern: 'Kubernetes|k8s'", "    pattern: 'Kubernetes|(k8s'")
    path = write_yaml(text)
    [problem] = problems_for(path)
    line = line_of(text, "    pattern: 'Kubernetes|(k8s'")
    assert problem.startswith(f"{path}:{line}: signals[1].pattern: the pattern does not compile")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("    skill: sql\n", "    skill: sqll\n", r"signals\[0\]\.skill: unknown skill 'sqll'; expected one of: serving, sql"),
        ("    skill: serving\n", "    topic: deploy\n", r"signals\[1\]\.topic: unknown topic 'deploy'"),
        ("    skill: serving\n", "    skill: serving\n    topic: deployment\n", r"signals\[1\]: point to exactly one skill or topic"),
        ("    topics: [python-or-r]\n", "    topics: [python]\n", r"skills\[0\]\.topics\[0\]: unknown topic 'python'"),
        ("  - id: serving\n", "  - id: sql\n", r"skills\[1\]\.id: duplicate id 'sql', already used at skills\[0\]"),
        ("  - id: kubernetes\n", "  - id: ab-testing\n", r"signals\[1\]\.id: duplicate id 'ab-testing'"),
        ("  - role: ml_engineer\n", "  - role: data_scientist\n",
         r"job_descriptions\[1\]\.role: duplicate job description for role 'data_scientist', already used at job_descriptions\[0\]"),
        ("    sources: [framework]\n", "    sources: [ladder]\n", r"levels\[0\]\.sources\[0\]: unknown source 'ladder'"),
        ("    weight: 3\n    skill: serving", "    weight: 4\n    skill: serving", r"signals\[1\]\.weight: expected one of 1, 2, 3"),
        ("    kind: ml_engineer\n", "    kind: manager\n", r"signals\[1\]\.kind: expected one of"),
        ("      ml_engineer: {stage: advanced,", "      ml_engineer: {stage: expert,",
         r"skills\[1\]\.roles\.ml_engineer\.stage: expected one of foundations, core, advanced"),
        ("  - {role: ml_engineer, text: I like systems.}\n", "  - {role: data_scientist, text: I like systems.}\n",
         r"assessment: no statement points to ml_engineer"),
        ("    role: evidence\n    weight: 3\n    skill: serving", "    role: proof\n    weight: 3\n    skill: serving",
         r"signals\[1\]\.role: expected one of evidence, context"),
        ("    role: evidence\n    weight: 3\n    skill: serving", "    weight: 3\n    skill: serving",
         r"signals\[1\]: missing required key 'role'"),
        ("    role: evidence\n    weight: 3\n    skill: serving", "    role: context\n    weight: 3\n    skill: serving",
         r"signals: no evidence signal for ml_engineer"),
        ("pattern: 'nice to have'}", "pattern: '(?<!not )nice to have'}",
         r"reader\.sections\[1\]\.pattern: the pattern uses lookbehind"),
        ("pattern: 'nice to have'}", "pattern: 'nice (to have'}",
         r"reader\.sections\[1\]\.pattern: the pattern does not compile"),
        ("{id: nice, label: nice to have, weight: 0.5,", "{id: nice, label: nice to have, weight: 2,",
         r"reader\.sections\[1\]\.weight: expected a number at most 1"),
        ("{id: nice, label:", "{id: duties, label:",
         r"reader\.sections\[1\]\.id: duplicate id 'duties', already used at reader\.sections\[0\]"),
        ("pattern: 'equal opportunit(y|ies)'}", "pattern: 'equal opportunit(y|ies)', unless: '(?P<x>you)'}",
         r"reader\.passages\[0\]\.unless: the pattern uses a named group"),
        ("boundary: '\\bbut\\b'", "boundary: '(but)?'", r"reader\.negation\.boundary: the pattern matches empty text"),
        ("window: 6}", "window: 0}", r"reader\.negation\.window: expected a number at least 1"),
        ("  verdict: {evidence: 3,", "  verdict: {", r"reader\.verdict: missing required key 'evidence'"),
        ("reader:\n", "readers:\n", r"readers: unknown key"),
    ],
)
def test_bad_skill_and_signal_data_is_refused_with_its_line(write_yaml, old, new, expected):
    assert old in VALID_TEXT
    path = write_yaml(VALID_TEXT.replace(old, new, 1))
    problems = problems_for(path)
    assert any(re.search(rf"^{re.escape(str(path))}:\d+: {expected}", p) for p in problems), problems


def test_signals_without_the_readers_rules_are_refused(write_yaml):
    text = VALID_TEXT[:VALID_TEXT.index("reader:\n")]
    path = write_yaml(text)
    assert any(re.search(rf"^{re.escape(str(path))}:\d+: signals: the signals need the reader's rules", p) for p in problems_for(path))


def reader_patterns(rules: dict) -> list[str]:
    found = [rules["negation"][key] for key in ("before", "after", "boundary")]
    for part in ("sections", "passages"):
        found += [rule[key] for rule in rules[part] for key in ("pattern", "unless") if key in rule]
    return found


@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
def test_every_real_pattern_compiles_in_javascript_too():
    patterns = [s["pattern"] for s in REAL.signals] + reader_patterns(REAL.reader_rules)
    script = "const ps=JSON.parse(process.argv[1]);for(const p of ps){new RegExp('(^|[^A-Za-z0-9_])('+p+')(?![A-Za-z0-9_])','gi')}"
    result = subprocess.run(["node", "-e", script, json.dumps(patterns)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_real_signal_points_to_a_section_of_another_page():
    for signal in tools.reader_data(Context(REAL, READER.page))["signals"]:
        assert signal["href"].startswith("../") and "#" in signal["href"] and signal["section"], signal


# --- every block -----------------------------------------------------------------------------------------

BLOCKS = [
    (SKILLS.page, "skills-roadmap"), (SKILLS.page, "skills: foundations"), (SKILLS.page, "levels: data_scientist"),
    (HIRING.page, "job-description: ml_engineer"), (HIRING.page, "interview-signals: data_scientist"),
    (READER.page, "signals"), (READER.page, "posting-reader"), (CHOOSING.page, "self-assessment"),
]


@pytest.mark.parametrize("page, marker", BLOCKS)
def test_every_block_is_markup_with_data_escaped_once(hostile_guide, page, marker):
    name, _, arg = marker.partition(": ")
    html = MARKERS[name].run(Context(hostile_guide, page), arg)
    assert isinstance(html, Markup)
    assert "<script>alert" not in html and "&amp;lt;" not in html and "&amp;amp;" not in html


@pytest.mark.parametrize("key, marker", [
    ("skills", "skills-roadmap"), ("levels", "levels: ml_engineer"), ("signals", "signals"),
    ("signals", "posting-reader"), ("assessment", "self-assessment"), ("skills", "interview-signals: ml_engineer"),
])
def test_a_block_whose_section_is_missing_names_it(valid_data, key, marker):
    del valid_data[key]
    with pytest.raises(MarkerError, match=rf"marker '<!-- {marker} -->': the data file has no '{key}'"):
        block(Guide(valid_data), SKILLS.page, marker)


# --- the roadmap and levels -----------------------------------------------------------------------------


def test_roadmap_lists_each_role_in_stages_and_marks_shared_skills(guide):
    html = block(guide, SKILLS.page, "skills-roadmap")
    ds, ml = html.split('<div class="fg-roadmap-role">')[1:3]
    assert '<a href="#skill-sql">SQL</a> <span class="fg-shared">Shared</span>' in ds
    assert "#skill-serving" not in ds and '<a href="#skill-serving">Model serving</a></li>' in ml
    assert ml.index("Core") < ml.index("#skill-sql") < ml.index("Advanced") < ml.index("#skill-serving")
    table = html[html.index("<table>"):]
    assert "<caption>Every skill and the stage at which each role needs it</caption>" in table
    assert "<td>Foundations</td><td>Core</td>" in table and "<td>Not on this roadmap</td><td>Advanced</td>" in table


def test_roadmap_from_another_page_links_back_to_the_skills_page(guide):
    assert 'href="compare/skills.html#skill-sql"' in block(guide, "index.md", "skills-roadmap")


def test_every_real_skill_is_on_the_roadmap_once_per_role_and_has_one_section():
    roadmap = block(REAL, SKILLS.page, "skills-roadmap")
    columns, table = roadmap.split("<table>")
    sections = "\n".join(block(REAL, SKILLS.page, f"skills: {stage}") for stage in skills.STAGES)
    for skill in REAL.skills:
        link = f'href="#skill-{skill["id"]}"'
        assert columns.count(link) == len(skill["roles"]), skill["id"]
        assert table.count(link) == 1, skill["id"]
        assert sections.count(f"{{ #skill-{skill['id']} }}") == 1, skill["id"]


def test_skill_sections_carry_what_why_and_show(guide):
    md = block(guide, SKILLS.page, "skills: foundations")
    assert md.startswith("### SQL { #skill-sql }")
    for part in ["<dt>What it is</dt><dd>Asking questions of tables.</dd>", "<dt>Data scientist: foundations stage</dt>",
                 "<dt>ML engineer: core stage</dt>", "<dt>One way to show it</dt>", "Both roles need this.",
                 '<dt>In this guide</dt><dd><a href="expertise.html#python-or-r">Python or R</a></dd>']:
        assert part in md
    assert "skill-serving" not in md
    assert "### Model serving { #skill-serving }" in block(guide, SKILLS.page, "skills: advanced")


@pytest.mark.parametrize("page, marker, message", [
    ("index.md", "skills: core", "skill sections belong on compare/skills.md"),
    (SKILLS.page, "skills: expert", "unknown stage 'expert'; expected one of: foundations, core, advanced"),
    (SKILLS.page, "skills", r"expected <!-- skills: STAGE -->"),
    (SKILLS.page, "levels: manager", "unknown role 'manager'; expected one of: data_scientist, ml_engineer"),
])
def test_skill_blocks_refuse_the_wrong_page_stage_or_role(guide, page, marker, message):
    with pytest.raises(MarkerError, match=message):
        block(guide, page, marker)


def test_levels_table_with_its_sources(guide):
    html = block(guide, SKILLS.page, "levels: ml_engineer")
    assert "<caption>ML engineer: what each level tends to look like</caption>" in html
    assert '<tr><th scope="row">Junior</th><td>A task.</td><td>Guided.</td><td>A fix.</td></tr>' in html
    assert html.endswith(
        '<p class="fg-sources">Drawn from: <a href="../sources.html#source-framework">Example Co: Career framework</a>.</p>')


def test_real_levels_have_a_row_for_each_role_and_cite_each_source_once():
    for role in REAL.roles:
        html = block(REAL, SKILLS.page, f"levels: {role['id']}")
        assert html.count('<tr><th scope="row">') == len(REAL.levels)
        for source in {s for level in REAL.levels for s in level["sources"]}:
            assert html.count(f'href="../sources.html#source-{source}"') == 1, source


def test_levels_golden(hostile_guide):
    golden("levels-data-scientist.html", block(hostile_guide, SKILLS.page, "levels: data_scientist"))


# --- hiring kit ---------------------------------------------------------------------------------------------


def test_job_description_is_plain_text_from_the_data(guide):
    text = hiring.job_description_text(Context(guide, HIRING.page), guide.role("ml_engineer"))
    assert text.splitlines()[0] == "Job title: ML engineer"
    bring = text[text.index("What you bring"):text.index("Good to have")]
    assert "- SQL (joins, window functions)" in bring and "Model serving" not in bring
    assert "- Model serving" in text[text.index("Good to have"):]
    assert "- Deploy models." in text


def test_job_description_without_advanced_skills_has_no_good_to_have(guide):
    text = hiring.job_description_text(Context(guide, HIRING.page), guide.role("data_scientist"))
    assert "Good to have" not in text and text.endswith("- SQL (joins, window functions)")


def test_job_description_shows_markup_as_text(valid_data):
    valid_data["job_descriptions"][0]["duties"] = ["Use <script>alert(1)</script> & **R**"]
    html = block(Guide(valid_data), HIRING.page, "job-description: data_scientist")
    assert "<script>" not in html and "- Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; **R**" in html
    assert html.count("\n") >= 8  # line breaks kept, so the copy pastes as a list


def test_a_role_without_a_job_description_is_named(valid_data):
    del valid_data["job_descriptions"][1]
    with pytest.raises(MarkerError, match="unknown job description for role 'ml_engineer'"):
        block(Guide(valid_data), HIRING.page, "job-description: ml_engineer")


def test_job_description_golden(hostile_guide):
    golden("job-description-ml-engineer.html", block(hostile_guide, HIRING.page, "job-description: ml_engineer"))


def test_interview_signals_follow_the_roadmap(guide):
    html = block(guide, HIRING.page, "interview-signals: ml_engineer")
    assert html.index("SQL") < html.index("Model serving")
    assert "(core): Ask for a weekly count." in html and "(advanced): Ask what they would measure." in html
    assert 'href="../compare/skills.html#skill-serving"' in html


def test_interview_signals_need_a_probe(valid_data):
    for skill in valid_data["skills"]:
        del skill["probe"]
    with pytest.raises(MarkerError, match="no skill of 'ml_engineer' has a `probe`"):
        block(Guide(valid_data), HIRING.page, "interview-signals: ml_engineer")


def test_unknown_role_in_a_marker_names_the_page(guide):
    with pytest.raises(MarkerError, match="guides/hiring.md: marker '<!-- job-description: manager -->': unknown role 'manager'"):
        block(guide, HIRING.page, "job-description: manager")


# --- the tools ------------------------------------------------------------------------------------------------


def test_inlined_data_cannot_close_its_script(valid_data):
    valid_data["signals"][0]["label"] = "</script><script>alert(1)</script><!--"
    html = block(Guide(valid_data), READER.page, "posting-reader")
    script = html[html.index("<script data-on-demand>window.fieldguideSignals="):]
    assert script.count("</script>") == 1 and script.endswith(";</script>") and "<!--" not in script
    assert inlined(html, "fieldguideSignals")["signals"][0]["label"] == "</script><script>alert(1)</script><!--"


def test_inline_data_is_markup_and_keeps_line_separators_out():
    html = tools.inline_data("x", {"a": "<\u2028\u2029&"})
    assert isinstance(html, Markup) and html == '<script>window.x={"a":"\\u003c\\u2028\\u2029&"};</script>'
    with pytest.raises(MarkerError):
        tools.inline_data("x;alert(1)", {})


def test_reader_markup_is_hidden_until_its_script_runs(guide):
    html = block(guide, READER.page, "posting-reader")
    assert html.startswith('<div class="fg-tool fg-reader" hidden>')
    assert '<p class="fg-needs-script">' in html and "<textarea" in html
    assert f"The first {tools.READER_LIMIT:,} characters are read." in html
    assert inlined(html, "fieldguideSignals") == tools.reader_data(Context(guide, READER.page))


def test_reader_data_leads_each_verdict_to_a_page(guide):
    data = tools.reader_data(Context(guide, READER.page))
    assert data["pages"] == {
        "data_scientist": "../roles/data-scientist.html", "ml_engineer": "../roles/ml-engineer.html",
        "mixed": "one-person-both-roles.html", "other": "hiring.html#red-flags",
    }
    assert data["kinds"] == tools.KINDS and data["limit"] == tools.READER_LIMIT
    assert data["signals"][1] == {"id": "kubernetes", "label": "Kubernetes", "pattern": "Kubernetes|k8s", "kind": "ml_engineer",
                                  "role": "evidence", "weight": 3, "href": "../compare/skills.html#skill-serving",
                                  "section": "Model serving"}


def test_reader_data_is_text_not_html(valid_data):
    valid_data["skills"][0]["title"] = "SQL & <more>"
    signal = tools.reader_data(Context(Guide(valid_data), READER.page))["signals"][0]
    assert signal["section"] == "SQL & <more>"  # the script sets it as text


def test_signals_table_links_each_phrase_to_its_section(guide):
    html = block(guide, READER.page, "signals")
    assert ('<tr><th scope="row">A/B test</th><td>Data scientist</td><td>evidence</td><td>3</td>'
            '<td><a href="../compare/skills.html#skill-sql">SQL</a></td></tr>') in html
    assert '<td>ML engineer</td><td>evidence</td><td>3</td><td><a href="../compare/skills.html#skill-serving">Model serving</a>' in html


def test_a_signal_may_point_to_a_topic(valid_data):
    del valid_data["signals"][1]["skill"]
    valid_data["signals"][1]["topic"] = "deployment"
    html = block(Guide(valid_data), READER.page, "signals")
    assert '<td><a href="../compare/responsibilities.html#deployment">Deployment</a></td>' in html


def test_signals_golden(hostile_guide):
    golden("signals.html", block(hostile_guide, READER.page, "signals"))


def test_self_assessment_keeps_the_statements_as_a_list(guide):
    html = block(guide, CHOOSING.page, "self-assessment")
    assert '<ol class="fg-statements">\n<li>I like questions.</li>\n<li>I like systems.</li>\n</ol>' in html
    data = inlined(html, "fieldguideAssessment")
    assert [s["role"] for s in data["statements"]] == ["data_scientist", "ml_engineer"]
    assert [step["href"] for step in data["roles"]["ml_engineer"]["next"]] == [
        "../roles/ml-engineer.html", "../compare/skills.html#skill-sql", "#learn-ml-engineer"]
    assert [step["href"] for step in data["mixed"]] == ["one-person-both-roles.html", "../compare/skills.html#roadmap"]
    # Names come cased for the middle of a sentence: the script never changes a letter's case.
    assert [data["roles"][r]["in_sentence"] for r in ("data_scientist", "ml_engineer")] == ["data scientist", "ML engineer"]
    assert [data["roles"][r]["next"][0]["label"] for r in ("data_scientist", "ml_engineer")] == [
        "The data scientist page", "The ML engineer page"]


@pytest.mark.parametrize("name, expected", [
    ("Data scientist", "data scientist"), ("ML engineer", "ML engineer"), ("AI engineer", "AI engineer"),
    ("MLOps or platform engineer", "MLOps or platform engineer"), ("data analyst", "data analyst"), ("A/B tests", "A/B tests"),
])
def test_a_name_inside_a_sentence_keeps_a_leading_acronym(name, expected):
    assert in_sentence(name) == expected


@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
def test_the_assessment_counts_in_words():
    script = (ROOT / "docs" / "assets" / "tools" / "self-assessment.js").as_posix()
    cases = [[1, 1], [2, 2], [3, 3], [2, 3], [3, 4], [1, 3]]
    code = f"const a=require({json.dumps(script)});console.log(JSON.stringify({json.dumps(cases)}.map(c=>a.share(c[0],c[1]))))"
    result = subprocess.run(["node", "-e", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "the one statement you ticked points there", "both statements you ticked point there",
        "all 3 statements you ticked point there", "2 of the 3 statements you ticked point there",
        "3 of the 4 statements you ticked point there", "1 of the 3 statements you ticked points there"]


def test_self_assessment_needs_a_skill_for_each_role(valid_data):
    valid_data["skills"] = [valid_data["skills"][1]]  # only the ML engineer's
    with pytest.raises(MarkerError, match="no skill names role 'data_scientist'"):
        block(Guide(valid_data), CHOOSING.page, "self-assessment")


def test_every_real_statement_points_to_a_main_role_and_each_has_some():
    roles = [role["id"] for role in REAL.roles]
    pointed = [statement["role"] for statement in REAL.assessment]
    assert set(pointed) == set(roles), pointed
