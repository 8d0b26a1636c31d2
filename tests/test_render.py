"""The renderer, without MkDocs: escaping, inline Markdown, links, markers, and golden output.

Golden files live in tests/golden/; after a deliberate change to the output,
rewrite them with `UPDATE_GOLDEN=1 make test` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest

from fieldguide.anchors import Anchor
from fieldguide.guide import Guide
from fieldguide.pay import build_salary
from fieldguide.render import Context, MarkerError, build_comparison, build_topic, expand, misplaced_topics
from fieldguide.text import first_paragraph, href, markdown_text, plain, rich

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = "a | b <script>alert(1)</script> & c \\ d `e` **f**\nnext line"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"


@pytest.fixture
def guide(valid_data) -> Guide:
    return Guide(valid_data)


@pytest.fixture
def hostile_guide(valid_data) -> Guide:
    valid_data["topics"][0]["title"] = "C++ <b>& Java</b> | {#x} [y](z) *not em*"
    valid_data["topics"][0]["roles"]["ml_engineer"] = HOSTILE
    valid_data["topics"][0]["notes"] = "See [the brief](https://example.org/a?b=1&c=<2>) or [this](javascript:alert(1))."
    return Guide(valid_data)


# --- text helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a | b", "a | b"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("back\\slash", "back\\slash"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("two\nlines", "two lines"),
        ("`code`", "`code`"),
    ],
)
def test_plain_text_is_escaped_literally(value, expected):
    assert plain(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("**strong** and *em*", "<strong>strong</strong> and <em>em</em>"),
        ("run `a < b | c`", "run <code>a &lt; b | c</code>"),
        ("[BLS](https://www.bls.gov/ooh/)", '<a href="https://www.bls.gov/ooh/">BLS</a>'),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ('[x](https://a.org/"onmouseover="y)', "[x](https://a.org/&quot;onmouseover=&quot;y)"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("**<i>bold</i>**", "<strong>&lt;i&gt;bold&lt;/i&gt;</strong>"),
        ("a\nb\n\nc", "a b c"),
    ],
)
def test_rich_text_allows_only_the_documented_subset(value, expected):
    assert rich(value) == expected


def test_markdown_text_survives_python_markdown():
    title = "C++ <script>x</script> & {#id} [l](u) *e* `c` \\ | # _u_"
    html = markdown.markdown(f"## {markdown_text(title)} {{ #stable }}", extensions=["attr_list", "toc"])
    assert html == (
        '<h2 id="stable">C++ &lt;script&gt;x&lt;/script&gt; &amp; {#id} [l](u) *e* `c` \\ | # _u_</h2>'
    )


@pytest.mark.parametrize(
    "from_page, to_page, anchor, expected",
    [
        ("index.md", "compare/expertise.md", "python-or-r", "compare/expertise.html#python-or-r"),
        ("roles/ml-engineer.md", "compare/expertise.md", None, "../compare/expertise.html"),
        ("compare/expertise.md", "compare/expertise.md", "x", "#x"),
        ("compare/salary.md", "sources.md", "source-a", "../sources.html#source-a"),
    ],
)
def test_relative_links(from_page, to_page, anchor, expected):
    assert href(from_page, to_page, anchor) == expected


# --- blocks --------------------------------------------------------------------------------


def test_comparison_table_golden(hostile_guide):
    ctx = Context(hostile_guide, "compare/expertise.md")
    check_golden("comparison-expertise.html", build_comparison(ctx, "expertise"))


def test_topic_section_golden(hostile_guide):
    ctx = Context(hostile_guide, "compare/expertise.md")
    check_golden("topic-python-or-r.md", build_topic(ctx, "python-or-r"))
    assert ctx.rendered_topics == ["python-or-r"]


def test_salary_table_golden(guide):
    check_golden("salary-ml-engineer.html", build_salary(Context(guide, "roles/ml-engineer.md"), "ml_engineer"))


def test_salary_proxy_is_never_the_role_own_figure(guide):
    html = build_salary(Context(guide, "roles/ml-engineer.md"), "ml_engineer")
    assert html.count("Proxy for ML engineer") == 1  # once per row, and one proxy row
    assert "$135,980" in html and "$120,230" not in html  # the role's rows only
    assert "ML engineer, its own figure" in html and "$189,500 <small>(n = 80)</small>" in html


def test_comparison_table_is_accessible(guide):
    html = build_comparison(Context(guide, "compare/expertise.md"), "expertise")
    assert "<caption>Expertise: the two roles side by side</caption>" in html
    assert html.count('scope="col"') == 3 and html.count('scope="row"') == 1


def test_hostile_values_never_become_markup(hostile_guide):
    ctx = Context(hostile_guide, "compare/expertise.md")
    html = build_comparison(ctx, "expertise") + build_topic(ctx, "python-or-r")
    assert "<script>" not in html and "<b>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\nnext line" not in html  # a newline in a value never splits a row


# --- markers ---------------------------------------------------------------------------------


def test_markers_are_replaced_and_other_comments_kept(guide):
    page = "# Expertise\n\n<!-- comparison: expertise -->\n\n<!-- a note for editors -->\n\n<!-- topics: expertise -->\n"
    out = expand(page, Context(guide, "compare/expertise.md"))
    assert "<table>" in out and "## Python or R { #python-or-r }" in out
    assert "<!-- a note for editors -->" in out and "comparison:" not in out


@pytest.mark.parametrize(
    "marker, message",
    [
        ("<!-- comparsion: expertise -->", "unknown marker"),
        ("<!-- comparison: hobbies -->", "unknown category 'hobbies'"),
        ("<!-- comparison -->", "'comparison' needs an argument"),
        ("<!-- role: nobody expertise -->", "unknown role 'nobody'"),
        ("<!-- role: data_scientist -->", "expected <!-- role: ROLE CATEGORY -->"),
        ("<!-- topic: deployment -->", "belongs on compare/responsibilities.md"),
        ("<!-- salary: nobody -->", "unknown role 'nobody'"),
    ],
)
def test_bad_markers_name_the_page(guide, marker, message):
    with pytest.raises(MarkerError) as caught:
        expand(f"# Page\n\n{marker}\n", Context(guide, "compare/expertise.md"))
    assert str(caught.value).startswith(f"compare/expertise.md: marker '{marker}': ")
    assert message in str(caught.value)


def test_links_index_lists_contract_but_not_aliases(guide):
    anchors = [
        Anchor("roles/data-scientist.html", "", "Data scientist"),
        Anchor("roles/data-scientist.html", "responsibilities", "Responsibilities"),
        Anchor("roles/data-scientist.html", "duties", "(alias of #responsibilities)"),
    ]
    out = expand("<!-- links -->\n", Context(guide, "links.md", anchors, "https://example.org/guide/"))
    assert '<a href="roles/data-scientist.html#responsibilities">Responsibilities</a>' in out
    assert "<code>https://example.org/guide/roles/data-scientist.html#responsibilities</code>" in out
    assert "duties" not in out


def test_first_paragraph_becomes_a_plain_description():
    page = "# Salary\n\nWhat **BLS** says about [pay](../x.md#y), with `code`.\nSecond line.\n\nMore.\n"
    assert first_paragraph(page) == "What BLS says about pay, with code. Second line."
    long = "# T\n\n" + "word " * 60
    assert len(first_paragraph(long)) <= 160 and first_paragraph(long).endswith("…")


def test_topics_without_exactly_one_section_are_reported(guide):
    assert misplaced_topics(guide, ["python-or-r", "deployment"]) == []
    assert misplaced_topics(guide, ["python-or-r", "python-or-r"]) == [
        "compare/expertise.md: topic 'python-or-r' must have exactly one section there, found 2",
        "compare/responsibilities.md: topic 'deployment' must have exactly one section there, found 0",
    ]


def test_a_marker_straight_after_text_still_gives_a_table(guide):
    page = "# Expertise\nSome text right above.\n<!-- comparison: expertise -->\nAnd right below.\n"
    html = markdown.markdown(expand(page, Context(guide, "compare/expertise.md")), extensions=["attr_list", "toc"])
    assert "<p>Some text right above.</p>" in html and "\n<table>" in html and "<p>And right below.</p>" in html
