"""Strict builds of the real site, checked in the generated HTML; and builds of broken copies."""

from __future__ import annotations

import csv
import filecmp
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from html import unescape
from html.parser import HTMLParser

import pytest
import yaml
from markupsafe import escape as html_escape

from conftest import ROOT, copy_project, mkdocs_build, read, tool_data
from fieldguide.core.numbers import whole_dollars
from fieldguide.model.guide import DATA_PATH

DATA = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))

REQUIRED_SECTIONS = {
    "roles/data-scientist.html": ["responsibilities", "expertise", "salary"],
    "roles/ml-engineer.html": ["responsibilities", "expertise", "salary"],
    "process/environments.html": ["research", "development", "production"],
    "compare/responsibilities.html": [],
    "compare/expertise.html": [],
    "compare/salary.html": [],
    "process/data-science-process.html": [],
    "index.html": [],
    "glossary.html": [],
    "sources.html": [],
    "links.html": [],
}


@pytest.mark.parametrize("page, ids", REQUIRED_SECTIONS.items())
def test_pages_exist_with_their_sections(built_site, page, ids):
    html = read(built_site, page)
    for section in ids:
        assert f'id="{section}"' in html, f"{page} lost #{section}"


def test_every_topic_has_its_section_on_its_category_page(built_site):
    pages = {c["id"]: c["page"].replace(".md", ".html") for c in DATA["categories"]}
    for topic in DATA["topics"]:
        html = read(built_site, pages[topic["category"]])
        assert f'<h2 id="{topic["id"]}">' in html, topic["id"]


def test_comparison_tables_are_generated_with_caption_and_scope(built_site):
    for category in DATA["categories"]:
        html = read(built_site, category["page"].replace(".md", ".html"))
        assert f"<caption>{category['title']}: the two roles side by side</caption>" in html
        rows = html.count('<th scope="row"><a href="#')
        assert rows >= len([t for t in DATA["topics"] if t["category"] == category["id"]])


def test_markers_never_reach_the_reader(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<!-- comparison:" not in html and "<!--fig:" not in html and "<!-- pay-" not in html, page


def test_salary_figures_with_period_and_source(built_site):
    html = read(built_site, "compare/salary.html")
    for figure in DATA["salary"]["wages"]:
        assert f"${figure['median']:,}" in html, figure["id"]
    for figure in DATA["salary"]["outlook"]:
        assert html_escape(figure["value"]) in html
    assert "Proxy for ML engineer" in html
    assert 'href="../sources.html#source-bls-oews-may-2025">Occupational Employment and Wage Statistics, May 2025' in html


EXTRACT = list(csv.DictReader(io.StringIO((ROOT / "data/pay-extract.csv").read_text(encoding="utf-8"))))
DOLLARS = re.compile(r"\$([0-9][0-9,]*(?:\.[0-9]{2})?)")


def visible_text(html: str) -> str:
    """The words a reader sees (the chart's labels included), without tags or comments."""
    html = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("page", ["compare/salary.html", "index.html", "roles/data-scientist.html", "roles/ml-engineer.html"])
def test_every_dollar_figure_shown_is_a_value_of_the_extract(built_site, page):
    html = read(built_site, page)
    article = html[html.index("<article"):html.index("</article>")]
    shown = {float(v.replace(",", "")) for v in DOLLARS.findall(visible_text(article))}
    wages = {float(whole_dollars(float(r["value"]))[1:].replace(",", "")) for r in EXTRACT  # pages round to the dollar
             if r["measure"].startswith("A_") or r["measure"] == "median_yearly_salary_usd"}
    assert shown and shown <= wages, sorted(shown - wages)


def test_the_pay_chart_is_on_the_salary_page_and_small_on_the_home_page(built_site):
    salary, home = read(built_site, "compare/salary.html"), read(built_site, "index.html")
    assert salary.count('<svg class="fg-chart"') == 1 and home.count('<svg class="fg-chart"') == 1
    assert 'aria-labelledby="fg-pay-chart-title fg-pay-chart-desc"' in salary
    assert 'aria-labelledby="fg-pay-chart-small-title fg-pay-chart-small-desc"' in home
    glance = home[home.index('id="at-a-glance"'):home.index('id="in-one-paragraph"')]
    assert ">Pay</a>" in glance and "$120,230" in glance


# A dollar amount, a percentage, or a number written as percent: figures come from the data.
TYPED_FIGURE = re.compile(r"\$\s?[0-9]|[0-9]\s?%|[0-9]\s?percent\b|\bUSD\s?[0-9]")


def test_no_page_types_a_dollar_amount_or_percentage():
    typed = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if TYPED_FIGURE.search(line):
                typed.append(f"{page.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert typed == []


def test_sources_page_lists_every_source(built_site):
    html = read(built_site, "sources.html")
    for source in DATA["sources"]:
        assert f'id="source-{source["id"]}"' in html
        assert source["read"] in html


def test_abbreviations_show_as_tooltips(built_site):
    assert '<abbr title="' in read(built_site, "roles/ml-engineer.html")


def test_downloads_are_published(built_site):
    data = json.loads(read(built_site, "downloads/roles.json"))
    assert [t["id"] for t in data["topics"]] == [t["id"] for t in DATA["topics"]]
    assert data["topics"][0]["title"] == DATA["topics"][0]["title"]
    assert data["ownership"][0]["stage"] == DATA["ownership"][0]["stage"]
    rows = list(csv.DictReader(io.StringIO(read(built_site, "downloads/expertise.csv"))))
    assert [r["id"] for r in rows] == [t["id"] for t in DATA["topics"] if t["category"] == "expertise"]
    assert data["salary"] == DATA["salary"] and len(data["pay_extract"]) == len(EXTRACT)
    pay_rows = list(csv.DictReader(io.StringIO(read(built_site, "downloads/salary-figures.csv"))))
    assert all(r["file_commit"] for r in pay_rows if r["kind"] != "outlook")
    assert read(built_site, "downloads/pay-extract.csv") == (ROOT / "data/pay-extract.csv").read_text(encoding="utf-8")


def test_offline_archive_holds_the_whole_site(built_site):
    archive_path = built_site / "downloads/ds-vs-mle-field-guide.zip"
    with zipfile.ZipFile(archive_path) as archive:
        names = set(archive.namelist())
    prefix = "ds-vs-mle-field-guide/"
    site_files = {prefix + p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
                  if p.is_file() and p.suffix != ".map" and p != archive_path}
    assert names == site_files
    for needed in ["index.html", "search/search_index.js", "assets/vendor/iframe-worker/shim.js", "print.html",
                   "roles/ml-engineer.html", "downloads/roles.json"]:
        assert prefix + needed in names
    assert index_link_to_archive(read(built_site, "index.html"))


def index_link_to_archive(html: str) -> bool:
    return 'href="downloads/ds-vs-mle-field-guide.zip"' in html


def test_nothing_is_fetched_from_outside(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "unpkg.com" not in html and "cdn.jsdelivr" not in html, page


def test_every_page_has_a_description_and_language(built_site):
    for page in built_site.rglob("*.html"):
        if "assets" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        assert '<html lang="en"' in html, page
        assert '<meta name="description" content="' in html, page


# --- builds of edited copies ------------------------------------------------------------------------


# --- builds of edited copies: one shared copy for the edits that do not collide ----------------------


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def topic_page(topic) -> str:
    category = next(c for c in DATA["categories"] if c["id"] == topic["category"])
    return category["page"].replace(".md", ".html")


# The monitor row's applied-scientist cell (the row's last two cells, then the next stage).
OWNERSHIP_CELL = ('applied-scientist: {level: none, why: "Not involved at this stage."}\n'
                  '    ai-engineer: {level: none, why: "Not involved at this stage."}\n  - stage: retrain')


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """One copy with four independent edits, built once: a percentile (data and extract), a topic's
    title, a topic's text carrying markup, and one ownership cell."""
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    data = project / "data/roles.yml"
    edit(data, "      p90: 199130\n", "      p90: 201000\n")
    edit(project / "data/pay-extract.csv", ",A_PCT90,199130,", ",A_PCT90,201000,")
    edit(data, f"title: {DATA['topics'][0]['title']}", "title: Retitled <em>topic</em> | with & markup")
    edit(data, OWNERSHIP_CELL, OWNERSHIP_CELL.replace('{level: none, why: "Not involved at this stage."}',
                                                      '{level: leads, why: "Watches <drift> & more."}', 1))
    values = yaml.safe_load(data.read_text(encoding="utf-8"))
    values["topics"][1]["roles"]["ml_engineer"] = "<script>alert(1)</script> a | b\n`c` & \\d"
    data.write_text(yaml.safe_dump(values, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(project, project / "out")
    assert result.returncode == 0, result.stderr
    return project / "out"


def test_an_edited_percentile_moves_the_chart_and_the_table(edited):
    html = read(edited, "compare/salary.html")
    start = html.index('<svg class="fg-chart"')
    chart = html[start:html.index("</svg>", start)]
    assert ">$201,000</text>" in chart and "<td>$201,000</td>" in html and "$199,130" not in html


def test_changed_value_changes_the_built_page(edited):
    topic = DATA["topics"][0]
    html = read(edited, topic_page(topic))
    assert f'<h2 id="{topic["id"]}">Retitled &lt;em&gt;topic&lt;/em&gt; | with &amp; markup' in html
    assert "<em>topic</em>" not in html


def test_markup_in_data_is_shown_as_text(edited):
    html = read(edited, topic_page(DATA["topics"][1]))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; a | b <code>c</code> &amp; \\d" in html


def test_one_ownership_cell_moves_the_matrix_and_the_map(built_site, edited):
    before = read(built_site, "compare/neighbouring-roles.html")
    after = read(edited, "compare/neighbouring-roles.html")
    monitor = re.search(r'<tr><th scope="row"><a [^>]*>Monitor</a></th>.*?</tr>', after)[0]
    assert '<span class="fg-level fg-level-leads">Leads</span> Watches &lt;drift&gt; &amp; more.</td>' in monitor
    picture = lambda html: re.search(r'<svg class="fg-diagram fg-map".*?</svg>', html, re.DOTALL)[0]  # noqa: E731  (the wide one)
    leads = lambda svg: len(re.findall(r'<circle[^>]*class="fg-leads"', svg))  # noqa: E731
    assert leads(picture(after)) == leads(picture(before)) + 1
    assert "Applied or research scientist leads" in picture(after).split("Monitor: ")[1].split(";")[0]


# --- every prose value of the data, with markup appended ---------------------------------------------

INJECTED = '<i data-injected="1">!</i>'
# Values read against the pay extract must stay as they are, and a pattern is a regular expression.
NOT_PROSE = {("salary", "wages", "period"), ("salary", "survey", "period"), ("salary", "survey", "label"),
             ("salary", "survey", "region"), ("signals", "pattern"), ("reader", "sections", "pattern"),
             ("reader", "passages", "pattern"), ("reader", "passages", "unless"), ("reader", "negation", "before"),
             ("reader", "negation", "after"), ("reader", "negation", "boundary")}


def inject(value, rule: dict, schema: dict, path: tuple):
    """Append markup to every value the schema calls plain or rich text."""
    if "$ref" in rule:
        name = rule["$ref"].rsplit("/", 1)[-1]
        if name in ("plain", "rich") and isinstance(value, str):
            return value if tuple(p for p in path if isinstance(p, str)) in NOT_PROSE else value + " " + INJECTED
        rule = schema["$defs"][name]
    if isinstance(value, dict):
        properties, extra = rule.get("properties", {}), rule.get("additionalProperties")
        return {k: inject(v, properties.get(k, extra if isinstance(extra, dict) else {}), schema, (*path, k)) for k, v in value.items()}
    if isinstance(value, list):
        items = rule.get("items", {})
        return [inject(v, items if isinstance(items, dict) else {}, schema, (*path, i)) for i, v in enumerate(value)]
    return value


class LiveElements(HTMLParser):
    """Counts elements that carry the injected attribute: each would be data turned into live markup."""

    def __init__(self):
        super().__init__()
        self.live = 0

    def handle_starttag(self, tag, attrs):
        self.live += any(name == "data-injected" for name, _ in attrs)


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("injected") / "project")
    schema = json.loads((project / "data/roles.schema.json").read_text(encoding="utf-8"))
    data = inject(yaml.safe_load((project / "data/roles.yml").read_text(encoding="utf-8")), schema, schema, ())
    (project / "data/roles.yml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(project, project / "out")
    assert result.returncode == 0, result.stderr
    return project / "out"


def test_markup_in_every_prose_value_stays_text(injected):
    pages = sorted(injected.rglob("*.html"))
    live, shown = {}, 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = LiveElements()
        parser.feed(html)
        if parser.live:
            live[str(page.relative_to(injected))] = parser.live
        shown += html.count("&lt;i data-injected=")
    assert live == {}
    assert shown > 500  # the values were really there, as text


def test_make_build_never_leaves_a_half_built_site(tmp_path):
    """`make build` replaces site/ only after a whole, strict build succeeds; bad data stops it
    with a file:line message and no traceback (the messages themselves are unit-tested)."""
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    for name in ("pyproject.toml", "requirements.lock", "requirements-areas.lock"):
        shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / "site").mkdir()
    (project / "site/marker.txt").write_text("previous build")
    edit(project / "data/roles.yml", "sources:\n", "sources: [\n")
    env = {**os.environ, "PYTHON": "python3"}
    result = subprocess.run(["make", "-s", "build"], cwd=project, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(r"data/roles.yml:\d+:\d+: not valid YAML", result.stdout + result.stderr)
    assert (project / "site/marker.txt").read_text() == "previous build"
    assert not (project / "site/index.html").exists()


def test_two_builds_are_identical(built_site, tmp_path):
    again = tmp_path / "again"
    assert mkdocs_build(ROOT, again).returncode == 0
    differing = []
    for page in built_site.rglob("*"):
        if page.is_file():
            twin = again / page.relative_to(built_site)
            if not twin.exists() or not filecmp.cmp(page, twin, shallow=False):
                differing.append(str(page.relative_to(built_site)))
    assert differing == []


def test_every_written_heading_has_an_explicit_id():
    """Ids derived from titles would change with a retitle; every ## and ### names its id."""
    bare = []
    for page in (ROOT / "docs").rglob("*.md"):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(r"^#{2,6} ", line) and not re.search(r"\{ *#[a-z0-9-]+ *\}\s*$", line):
                bare.append(f"{page.relative_to(ROOT)}:{number}: {line}")
    assert bare == []


def test_every_section_heading_has_a_permalink(built_site):
    for page in ["roles/data-scientist.html", "compare/expertise.html", "process/environments.html", "sources.html"]:
        html = read(built_site, page)
        headings = re.findall(r'<h([23]) id="([^"]+)">(.*?)</h\1>', html, re.S)
        assert headings
        for _, element_id, inner in headings:
            assert f'<a class="headerlink" href="#{element_id}"' in inner, f"{page}#{element_id}"


# --- the whole life of a model (issue: after deployment, neighbouring roles, worked example) ---

NEW_SECTIONS = {
    "process/after-deployment.html": ["monitoring", "drift", "training-serving-skew", "retraining", "rollback", "incidents", "retirement"],
    "compare/neighbouring-roles.html": ["data-analyst", "data-engineer", "mlops-engineer", "applied-scientist", "ownership-matrix"],
    "guides/worked-example.html": ["the-project", "hand-off", "first-drift-incident"],
}


@pytest.mark.parametrize("page, ids", NEW_SECTIONS.items())
def test_new_pages_have_their_sections(built_site, page, ids):
    html = read(built_site, page)
    for section in ids:
        assert re.search(rf'<h2 id="{section}"', html), f"{page} lacks #{section}"


def test_downloads_carry_no_raw_markdown(built_site):
    downloads = built_site / "downloads"
    texts = {p.name: p.read_text(encoding="utf-8") for p in downloads.iterdir() if p.suffix in {".csv", ".json"}}
    assert "roles.json" in texts and "responsibilities.csv" in texts and "ownership.csv" in texts
    for name, text in texts.items():
        assert "**" not in text, name
        assert not re.search(r"\[[^\]]+\]\(https?://", text), name
    # the data file itself does carry Markdown there, so the test can fail
    assert "**" in DATA_PATH.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(texts["responsibilities.csv"])))
    infrastructure = next(r for r in rows if r["id"] == "ml-infrastructure")
    assert infrastructure["data_scientist"].startswith("A user of the infrastructure")


def test_diagrams_are_inline_svg_with_title_and_desc(built_site):
    # The home picture and the full ownership map come in a wide and a narrow drawing.
    for page, count in [("index.html", 2), ("compare/neighbouring-roles.html", 2),
                        ("process/data-science-process.html", 1), ("process/environments.html", 1)]:
        html = read(built_site, page)
        svgs = re.findall(r'<svg class="fg-diagram[^>]*>', html)
        assert len(svgs) == count, page
        for tag in svgs:
            assert 'role="img"' in tag and "aria-labelledby=" in tag and "viewBox=" in tag
            ident = re.search(r'aria-labelledby="([^ "]+)', tag)[1]
            assert f'id="{ident}"' in html
        assert "<script" not in "".join(re.findall(r'<svg class="fg-diagram.*?</svg>', html, re.DOTALL))


def test_ownership_matrix_has_every_stage_and_role(built_site):
    html = read(built_site, "compare/neighbouring-roles.html")
    matrix = re.search(r'<div class="fg-matrix">.*?</div>', html, re.DOTALL)[0]
    for stage in DATA["lifecycle"]:
        assert html_escape(stage["title"]) in matrix
    names = [r["name"] for r in DATA["roles"]] + [r["name"] for r in DATA["neighbouring_roles"]]
    assert re.findall(r'<th scope="col">([^<]+)</th>', matrix) == ["Stage", *names]


def test_first_column_is_named_for_its_rows(built_site):
    assert '<th scope="col">Stage</th>' in read(built_site, "process/data-science-process.html")
    assert '<th scope="col">Environment</th>' in read(built_site, "process/environments.html")


def test_print_page_leaves_out_the_links_table_and_keeps_diagram_names(built_site):
    html = read(built_site, "print-reference.html")
    assert 'class="fg-links"' not in html and 'id="links"' in html
    assert "index of stable links is left out" in html
    for ident in re.findall(r'aria-labelledby="([^"]+)"', html):
        for part in ident.split():
            assert f'id="{part}"' in html, part


def test_stylesheet_braces_balance():
    """A rule left open (an easy slip when two changes meet in extra.css) swallows every rule after it."""
    depth = 0
    for number, line in enumerate((ROOT / "docs/assets/extra.css").read_text(encoding="utf-8").splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"extra.css:{number}: closes a rule that is not open"
    assert depth == 0, "extra.css: a rule is left open"


def test_every_skill_has_its_anchor_on_the_skills_page(built_site):
    html = read(built_site, "compare/skills.html")
    for skill in DATA["skills"]:
        assert f'<h3 id="skill-{skill["id"]}">' in html, skill["id"]
        assert html.count(f'href="#skill-{skill["id"]}"') >= 2  # the roadmap and its table
    assert '<h2 id="levels">' in html and "Companies differ" in html


def test_hiring_kit_is_generated_from_the_data(built_site):
    html = read(built_site, "guides/hiring.html")
    for section in ["job-description-data-scientist", "job-description-ml-engineer", "interview-signals", "red-flags"]:
        assert f'id="{section}"' in html
    assert html.count('<pre class="fg-jd-text"><code>Job title: ') == 2
    for duty in DATA["job_descriptions"][1]["duties"]:
        assert html_escape(duty) in html


def test_tool_scripts_and_their_data_reach_the_pages(built_site):
    reader = read(built_site, "guides/read-a-job-posting.html")
    assert tool_data(built_site, "guides/read-a-job-posting.html", "fieldguideSignals")["signals"]
    assert 'src="../assets/tools/posting-reader.js"' in reader
    choosing = read(built_site, "guides/choosing-a-role.html")
    assert "<script>window.fieldguideAssessment=" in choosing and '<ol class="fg-statements">' in choosing
    for statement in DATA["assessment"]:
        assert f"<li>{html_escape(statement['text'])}</li>" in choosing

