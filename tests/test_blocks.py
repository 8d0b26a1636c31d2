"""Blocks without MkDocs: escaping by type, inline Markdown, links, the marker registry, and golden output.

Golden files live in tests/golden/; after a deliberate change to the output,
rewrite them with `UPDATE_GOLDEN=1 make test` and review the diff.
"""

from __future__ import annotations

import markdown
import pytest
from markupsafe import Markup

from conftest import HOSTILE, golden
from fieldguide.blocks.markers import MARKERS, Context, expand, misplaced_topics
from fieldguide.blocks.topics import build_at_a_glance, build_comparison, build_role, build_sources, build_topic
from fieldguide.core.anchors import Anchor
from fieldguide.core.errors import MarkerError
from fieldguide.core.markup import first_paragraph, href, markdown_text, plain, rich
from fieldguide.model.guide import Guide


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
        ('say "hi"', "say &#34;hi&#34;"),
        ("two\nlines", "two lines"),
        ("`code`", "`code`"),
    ],
)
def test_plain_text_is_escaped_literally(value, expected):
    assert plain(value) == expected and isinstance(plain(value), Markup)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("**strong** and *em*", "<strong>strong</strong> and <em>em</em>"),
        ("run `a < b | c`", "run <code>a &lt; b | c</code>"),
        ("[BLS](https://www.bls.gov/ooh/)", '<a href="https://www.bls.gov/ooh/">BLS</a>'),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ('[x](https://a.org/"onmouseover="y)', "[x](https://a.org/&#34;onmouseover=&#34;y)"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("**<i>bold</i>**", "<strong>&lt;i&gt;bold&lt;/i&gt;</strong>"),
        ("a\nb\n\nc", "a b c"),
    ],
)
def test_rich_text_allows_only_the_documented_subset(value, expected):
    assert rich(value) == expected and isinstance(rich(value), Markup)


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
    golden("comparison-expertise.html", build_comparison(ctx, ctx.guide.category("expertise")))


def test_topic_section_golden(hostile_guide):
    ctx = Context(hostile_guide, "compare/expertise.md")
    golden("topic-python-or-r.md", build_topic(ctx, ctx.guide.topic("python-or-r")))
    assert ctx.rendered_topics == ["python-or-r"]


def test_comparison_table_is_accessible(guide):
    html = build_comparison(Context(guide, "compare/expertise.md"), guide.category("expertise"))
    assert "<caption>Expertise: the two roles side by side</caption>" in html
    assert html.count('scope="col"') == 3 and html.count('scope="row"') == 1


def test_hostile_values_never_become_markup(hostile_guide):
    ctx = Context(hostile_guide, "compare/expertise.md")
    html = build_comparison(ctx, ctx.guide.category("expertise")) + build_topic(ctx, ctx.guide.topic("python-or-r"))
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
        ("<!-- comparison -->", "expected <!-- comparison: CATEGORY -->"),
        ("<!-- sources: all -->", "expected <!-- sources -->"),
        ("<!-- downloads: everything -->", "unknown part 'everything'; expected one of: archive"),
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
    assert "<code>roles/data-scientist.html#responsibilities</code>" in out
    assert 'data-site="https://example.org/guide/"' in out  # the copy button prefixes the published address
    assert "## Data scientist { #page-roles-data-scientist" in out
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


def test_every_marker_returns_markup(guide):
    """Escaping is by type: a builder that returned a plain str would be escaped again, or trusted blindly."""
    ctx = Context(guide, "compare/expertise.md")
    built = [build_comparison(ctx, guide.category("expertise")), build_sources(ctx), build_at_a_glance(ctx),
             build_role(ctx, guide.role("data_scientist"), guide.category("expertise"))]
    assert all(isinstance(block, Markup) for block in built)


def test_the_registry_owns_every_marker_once():
    documented = {"comparison", "topics", "topic", "role", "at-a-glance", "sources", "links", "downloads", "whole-guide"}
    assert documented <= set(MARKERS)
    assert all(MARKERS[name].name == name for name in MARKERS)


def test_a_role_name_that_starts_with_an_acronym_keeps_it_in_a_sentence(guide):
    html = build_role(Context(guide, "roles/ml-engineer.md"), guide.role("ml_engineer"), guide.category("expertise"))
    assert "What the ML engineer does" in html
