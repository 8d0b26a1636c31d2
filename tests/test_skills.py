"""Skills, levels, hiring kit and job-posting signals: their data checks and their generated blocks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import FIXTURES, line_of, problems_for
from fieldguide import skills
from fieldguide.guide import DATA_PATH, Guide
from fieldguide.render import Context, MarkerError, expand

VALID_TEXT = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
REAL = Guide.load()


@pytest.fixture
def guide(valid_data) -> Guide:
    return Guide(valid_data)


# --- the checks ---------------------------------------------------------------------------------------


def test_real_data_passes_every_check():
    assert skills.problems(REAL.data) == []
    assert len(REAL.data["skills"]) >= 20 and len(REAL.data["signals"]) >= 40


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
    assert message in skills.pattern_problem(pattern)


@pytest.mark.parametrize("pattern", ["A/B test(s|ing)?", "C\\+\\+", "reporting(?! to)", "(?:ML|machine learning) ops", "\\bdata\\\\"])
def test_portable_patterns_pass(pattern):
    assert skills.pattern_problem(pattern) is None


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
        ("    sources: [framework]\n", "    sources: [ladder]\n", r"levels\[0\]\.sources\[0\]: unknown source 'ladder'"),
        ("    weight: 3\n    skill: serving", "    weight: 4\n    skill: serving", r"signals\[1\]\.weight: expected one of 1, 2, 3"),
        ("    kind: ml_engineer\n", "    kind: manager\n", r"signals\[1\]\.kind: expected one of"),
        ("      ml_engineer: {stage: advanced,", "      ml_engineer: {stage: expert,", r"skills\[1\]\.roles\.ml_engineer\.stage: expected one of foundations, core, advanced"),
        ("  - {role: ml_engineer, text: I like systems.}\n", "  - {role: data_scientist, text: I like systems.}\n", r"assessment: no statement points to ml_engineer"),
    ],
)
def test_bad_skill_and_signal_data_is_refused_with_its_line(write_yaml, old, new, expected):
    assert old in VALID_TEXT
    path = write_yaml(VALID_TEXT.replace(old, new, 1))
    problems = problems_for(path)
    assert any(re.search(rf"^{re.escape(str(path))}:\d+: {expected}", p) for p in problems), problems


@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
def test_every_real_pattern_compiles_in_javascript_too():
    patterns = [s["pattern"] for s in REAL.data["signals"]]
    script = "const ps=JSON.parse(process.argv[1]);for(const p of ps){new RegExp('(^|[^A-Za-z0-9_])('+p+')(?![A-Za-z0-9_])','gi')}"
    result = subprocess.run(["node", "-e", script, json.dumps(patterns)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_real_signal_points_somewhere_that_exists():
    ctx = Context(REAL, skills.READER_PAGE)
    for signal in REAL.data["signals"]:
        link, title = skills._signal_target(ctx, signal)
        assert link.startswith("../") and "#" in link and title


# --- the roadmap and levels -----------------------------------------------------------------------------


def test_roadmap_lists_each_role_in_stages_and_marks_shared_skills(guide):
    html = skills.build_skills_roadmap(Context(guide, skills.SKILLS_PAGE))
    ds, ml = html.split('<div class="fg-roadmap-role">')[1:3]
    assert '<a href="#skill-sql">SQL</a> <span class="fg-shared">Shared</span>' in ds
    assert "#skill-serving" not in ds and '<a href="#skill-serving">Model serving</a></li>' in ml
    assert ml.index("Core") < ml.index("#skill-sql") < ml.index("Advanced") < ml.index("#skill-serving")
    table = html[html.index("<table>"):]
    assert "<caption>Every skill and the stage at which each role needs it</caption>" in table
    assert '<td>Foundations</td><td>Core</td>' in table and "<td>Not on this roadmap</td><td>Advanced</td>" in table


def test_roadmap_from_another_page_links_back_to_the_skills_page(guide):
    html = skills.build_skills_roadmap(Context(guide, "index.md"))
    assert 'href="compare/skills.html#skill-sql"' in html


def test_skill_sections_carry_what_why_and_show(guide):
    md = skills.build_skills(Context(guide, skills.SKILLS_PAGE), "foundations")
    assert md.startswith("### SQL { #skill-sql }")
    for part in ["<dt>What it is</dt><dd>Asking questions of tables.</dd>", "<dt>Data scientist: foundations stage</dt>",
                 "<dt>ML engineer: core stage</dt>", "<dt>One way to show it</dt>", "Both roles need this."]:
        assert part in md
    assert "skill-serving" not in md
    assert "### Model serving { #skill-serving }" in skills.build_skills(Context(guide, skills.SKILLS_PAGE), "advanced")


@pytest.mark.parametrize("page, stage, message", [
    ("index.md", "core", "skill sections belong on compare/skills.md"),
    (skills.SKILLS_PAGE, "expert", "unknown stage 'expert'"),
])
def test_skill_sections_refuse_the_wrong_page_or_stage(guide, page, stage, message):
    with pytest.raises(MarkerError, match=message):
        skills.build_skills(Context(guide, page), stage)


def test_levels_table_with_its_sources(guide):
    html = skills.build_levels(Context(guide, skills.SKILLS_PAGE), "ml_engineer")
    assert "<caption>ML engineer: what each level tends to look like</caption>" in html
    assert '<tr><th scope="row">Junior</th><td>A task.</td><td>Guided.</td><td>A fix.</td></tr>' in html
    assert 'href="../sources.html#source-framework">Example Co: Career framework</a>' in html


def test_real_levels_cover_junior_to_staff_and_cite_frameworks():
    assert [level["id"] for level in REAL.data["levels"]] == ["junior", "mid", "senior", "staff"]
    cited = {s for level in REAL.data["levels"] for s in level["sources"]}
    assert {"dropbox-career-framework", "gitlab-data-science", "gitlab-ml-engineering"} <= cited


# --- hiring kit ---------------------------------------------------------------------------------------------


def test_job_description_is_plain_text_from_the_data(guide):
    text = skills.job_description_text(Context(guide, skills.HIRING_PAGE), "ml_engineer")
    assert text.splitlines()[0] == "Job title: ML engineer"
    bring = text[text.index("What you bring"):text.index("Good to have")]
    assert "- SQL (joins, window functions)" in bring and "Model serving" not in bring
    assert "- Model serving" in text[text.index("Good to have"):]
    assert "- Deploy models." in text


def test_job_description_shows_markup_as_text(valid_data):
    valid_data["job_descriptions"][0]["duties"] = ["Use <script>alert(1)</script> & **R**"]
    html = skills.build_job_description(Context(Guide(valid_data), skills.HIRING_PAGE), "data_scientist")
    assert "<script>" not in html and "- Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; **R**" in html
    assert html.count("\n") >= 8  # line breaks kept, so the copy pastes as a list


def test_interview_signals_follow_the_roadmap(guide):
    html = skills.build_interview_signals(Context(guide, skills.HIRING_PAGE), "ml_engineer")
    assert html.index("SQL") < html.index("Model serving")
    assert "Ask what they would measure." in html and 'href="../compare/skills.html#skill-serving"' in html


def test_unknown_role_in_a_marker_names_the_page(guide):
    with pytest.raises(MarkerError, match="guides/hiring.md: marker '<!-- job-description: manager -->': unknown role 'manager'"):
        expand("<!-- job-description: manager -->", Context(guide, skills.HIRING_PAGE))


# --- the tools' data ------------------------------------------------------------------------------------------


def test_inlined_data_cannot_close_its_script(valid_data):
    valid_data["signals"][0]["label"] = "</script><script>alert(1)</script><!--"
    html = skills.build_posting_reader(Context(Guide(valid_data), skills.READER_PAGE))
    script = html[html.index("<script>window.fieldguideSignals="):]
    assert script.count("</script>") == 1 and script.endswith(";</script>")
    payload = script.removeprefix("<script>window.fieldguideSignals=").removesuffix(";</script>")
    assert json.loads(payload)["signals"][0]["label"] == "</script><script>alert(1)</script><!--"


def test_reader_markup_is_hidden_until_its_script_runs(guide):
    html = skills.build_posting_reader(Context(guide, skills.READER_PAGE))
    assert html.startswith('<div class="fg-tool fg-reader" hidden>')
    assert '<p class="fg-needs-script">' in html and "<textarea" in html


def test_signals_table_links_each_phrase_to_its_section(guide):
    html = skills.build_signals(Context(guide, skills.READER_PAGE))
    assert '<tr><th scope="row">A/B test</th><td>Data scientist</td><td>3</td><td><a href="../compare/skills.html#skill-sql">SQL</a></td></tr>' in html
    assert '<td>ML engineer</td><td>3</td><td><a href="../compare/skills.html#skill-serving">Model serving</a>' in html


def test_self_assessment_keeps_the_statements_as_a_list(guide):
    html = skills.build_self_assessment(Context(guide, skills.CHOOSING_PAGE))
    assert '<ol class="fg-statements">\n<li>I like questions.</li>\n<li>I like systems.</li>\n</ol>' in html
    data = json.loads(html[html.index("window.fieldguideAssessment=") + 28:-len(";</script>")])
    assert [s["role"] for s in data["statements"]] == ["data_scientist", "ml_engineer"]
    assert data["roles"]["ml_engineer"]["next"][0]["href"] == "../roles/ml-engineer.html"


def test_real_statements_are_the_guides_ten():
    statements = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))["assessment"]
    assert [s["role"] for s in statements] == ["data_scientist"] * 5 + ["ml_engineer"] * 5
