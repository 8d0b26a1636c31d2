"""The whole life of a model: ownership matrix, diagrams and their data checks (hooks/fieldguide/lifecycle.py)."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET

import pytest

from fieldguide import lifecycle
from fieldguide.export import data_files, ownership_csv
from fieldguide.guide import DATA_PATH, Guide
from fieldguide.load import DataError, format_path, load_data
from fieldguide.finish import reading_order
from fieldguide.render import Context, MarkerError, expand
from fieldguide.text import unmarked
from fieldguide.whole import RenderedPage, combine

REAL = load_data(DATA_PATH)
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def data() -> dict:
    return copy.deepcopy(REAL)


def ctx(data: dict, page: str = "compare/neighbouring-roles.md") -> Context:
    return Context(Guide(data), page)


def svg_of(html: str, index: int = 0) -> ET.Element:
    svgs = re.findall(r'<svg class="fg-diagram.*?</svg>', html, re.DOTALL)
    return ET.fromstring(svgs[index])


def svg_texts(svg: ET.Element) -> list[str]:
    return [t.text for t in svg.iter(f"{SVG_NS}text")]


# --- the matrix ---------------------------------------------------------------------------------


def test_matrix_has_a_row_per_stage_and_a_column_per_role(data):
    html = lifecycle.build_ownership_matrix(ctx(data))
    headers = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert headers == ["Stage"] + [r["name"] for r in data["roles"]] + [r["name"] for r in data["neighbouring_roles"]]
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", html)
    assert len(rows) == len(data["lifecycle"])
    monitor = next(r for r in rows if ">Monitor<" in r)
    assert 'href="../process/after-deployment.html#monitoring"' in monitor
    cells = re.findall(r"<td>(.*?)</td>", monitor)
    assert cells[1].startswith('<span class="fg-level fg-level-leads">Leads</span>')
    assert len(cells) == 6


def test_one_cell_edit_changes_matrix_and_map(data):
    before_matrix = lifecycle.build_ownership_matrix(ctx(data))
    before_map = lifecycle.build_ownership_map(ctx(data))
    row = next(r for r in data["ownership"] if r["stage"] == "monitor")
    row["applied-scientist"] = {"level": "leads", "why": "Owns <b>drift</b> & research"}
    after_matrix = lifecycle.build_ownership_matrix(ctx(data))
    after_map = lifecycle.build_ownership_map(ctx(data))
    assert after_matrix != before_matrix and after_map != before_map
    assert "Owns &lt;b&gt;drift&lt;/b&gt; &amp; research" in after_matrix
    assert "<b>" not in after_matrix
    leads = lambda html: len(svg_of(html).findall(f"{SVG_NS}circle[@class='fg-leads']"))  # noqa: E731
    assert leads(after_map) == leads(before_map) + 1
    assert "Monitor: " in svg_of(after_map).find(f"{SVG_NS}desc").text
    assert "Applied or research scientist leads" in svg_of(after_map).find(f"{SVG_NS}desc").text


def test_home_picture_follows_the_data(data):
    page = ctx(data, "index.md")
    before = lifecycle.build_two_roles(page)
    row = next(r for r in data["ownership"] if r["stage"] == "serve")
    row["data_scientist"] = {"level": "leads", "why": "Runs it"}
    after = lifecycle.build_two_roles(page)
    wide_before, wide_after = svg_of(before), svg_of(after)
    count = lambda svg: len(svg.findall(f"{SVG_NS}rect[@class='fg-leads']"))  # noqa: E731
    assert count(wide_after) == count(wide_before) + 1
    assert "Data scientist leads: question, data, explore, model, report, hand-off, serve." in after


# --- the diagrams -------------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["ownership-map", "two-roles", "process-loop: process", "model-path: environments"])
def test_every_diagram_is_a_named_image_without_script(data, marker):
    html = expand(f"<!-- {marker} -->", ctx(data, "process/environments.md"))
    for svg in re.findall(r'<svg class="fg-diagram.*?</svg>', html, re.DOTALL):
        root = ET.fromstring(svg)  # well-formed
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG_NS}title"), root.find(f"{SVG_NS}desc")
        assert title is not None and title.text and desc is not None and len(desc.text) > 40
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert root.get("viewBox") and "script" not in svg and "http" not in svg.replace(SVG_NS[1:-1], "")
    assert "<figcaption>" in html  # the text alternative beside the picture


def test_diagram_ids_are_unique_on_a_page(data):
    html = expand("<!-- two-roles -->\n\n<!-- ownership-map -->\n\n<!-- process-loop: process -->", ctx(data, "index.md"))
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_process_loop_draws_stages_and_every_way_back(data):
    html = lifecycle.build_process_loop(ctx(data, "process/data-science-process.md"), "process")
    svg = svg_of(html)
    texts = " ".join(svg_texts(svg))
    for topic in (t for t in data["topics"] if t["category"] == "process"):
        assert topic["title"] in texts
    assert len(svg.findall(f"{SVG_NS}polyline[@class='fg-back']")) == len(data["process_loop"])
    for loop in data["process_loop"]:
        assert loop["why"] in svg.find(f"{SVG_NS}desc").text and loop["why"] in html
    data["process_loop"].append({"from": "communicate-the-results", "to": "model-the-data", "why": "A <new> way back"})
    again = svg_of(lifecycle.build_process_loop(ctx(data, "process/data-science-process.md"), "process"))
    assert len(again.findall(f"{SVG_NS}polyline[@class='fg-back']")) == len(data["process_loop"])
    assert "A <new> way back" in again.find(f"{SVG_NS}desc").text  # parsed back from &lt;new&gt;


def test_model_path_shows_what_travels(data):
    html = lifecycle.build_model_path(ctx(data, "process/environments.md"), "environments")
    texts = " ".join(svg_texts(svg_of(html)))
    for handoff in data["handoffs"]:
        for item in handoff["carries"]:
            assert item in texts
    data["handoffs"][0]["carries"].append("a note on <licences> & terms")
    changed = lifecycle.build_model_path(ctx(data, "process/environments.md"), "environments")
    assert "a note on &lt;licences&gt; &amp; terms" in changed
    assert "<licences>" not in changed


def test_diagram_values_are_escaped(data):
    data["lifecycle"][0]["title"] = 'Ask <script>alert("x")</script>'
    data["lifecycle"][0]["short"] = "Q&A"
    html = expand("<!-- two-roles -->\n\n<!-- ownership-map -->\n\n<!-- ownership-matrix -->", ctx(data))
    assert "<script>" not in html
    assert "Ask &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "Q&amp;A" in html


def test_lifecycle_stages_table_names_who_leads(data):
    html = lifecycle.build_lifecycle_stages(ctx(data, "guides/worked-example.md"))
    assert '<th scope="col">Stage</th>' in html
    row = re.search(r"<tr><th scope=\"row\"><a [^>]*>Monitor</a></th>(.*?)</tr>", html)[1]
    assert "<td>ML engineer</td>" in row and "Production environment" in row


def test_neighbour_heading_and_unknown_neighbour(data):
    html = lifecycle.build_neighbour(ctx(data), "data-analyst")
    assert html.startswith("## Data analyst { #data-analyst }")
    assert 'href="../sources.html#source-onet-bi-analysts"' in html
    with pytest.raises(MarkerError, match="unknown neighbouring role 'nobody'"):
        expand("<!-- neighbour: nobody -->", ctx(data))


def test_missing_lifecycle_data_is_a_clean_marker_error(data):
    del data["ownership"]
    with pytest.raises(MarkerError, match="compare/neighbouring-roles.md: .*no 'ownership'"):
        expand("<!-- ownership-matrix -->", ctx(data))


# --- bad data -----------------------------------------------------------------------------------


def messages(data: dict) -> list[str]:
    return [f"{format_path(p.path)}: {p.message}" for p in lifecycle.problems(data)]


def test_real_data_has_no_problems():
    assert lifecycle.problems(REAL) == []


def test_unknown_role_in_a_cell(data):
    data["ownership"][2]["statistician"] = {"level": "leads", "why": "x"}
    assert any(m.startswith("ownership[2].statistician: unknown role 'statistician'") for m in messages(data))


def test_missing_cell_and_missing_row(data):
    del data["ownership"][3]["ml_engineer"]
    del data["ownership"][-1]
    found = messages(data)
    assert "ownership[3]: missing the cell for role 'ml_engineer'" in found
    assert f"ownership: no row for stage '{data['lifecycle'][-1]['id']}'" in found


def test_unknown_and_repeated_stage(data):
    data["ownership"][0]["stage"] = "launch-party"
    data["ownership"][2]["stage"] = data["ownership"][1]["stage"]
    found = messages(data)
    assert any(m.startswith("ownership[0].stage: unknown stage 'launch-party'") for m in found)
    assert any(m.startswith("ownership[2].stage: stage 'get-data' already has a row") for m in found)


def test_bad_level_and_bad_cell(data):
    data["ownership"][0]["data_scientist"] = {"level": "owns", "why": "x"}
    data["ownership"][1]["data_scientist"] = "leads"
    found = messages(data)
    assert "ownership[0].data_scientist.level: expected one of leads, contributes, consulted, none, got 'owns'" in found
    assert "ownership[1].data_scientist: expected a mapping with 'level' and 'why'" in found


def test_unknown_topics_and_sources(data):
    data["process_loop"][0]["to"] = "nowhere"
    data["handoffs"][0]["from"] = "lab"
    data["lifecycle"][0]["environment"] = "cloud"
    data["neighbouring_roles"][0]["sources"] = ["missing-source"]
    found = messages(data)
    assert "process_loop[0].to: unknown topic 'nowhere'" in found
    assert "handoffs[0].from: unknown topic 'lab'" in found
    assert "lifecycle[0].environment: unknown topic 'cloud'" in found
    assert any(m.startswith("neighbouring_roles[0].sources[0]: unknown source 'missing-source'") for m in found)


def test_a_neighbour_may_not_reuse_a_main_role_id(data):
    data["neighbouring_roles"][0]["id"] = "ml-engineer"
    data["neighbouring_roles"][1]["id"] = "ml-engineer"
    assert "neighbouring_roles[1].id: duplicate role id 'ml-engineer'" in messages(data)


def test_problems_name_file_and_line(write_yaml):
    text = DATA_PATH.read_text(encoding="utf-8")
    broken = text.replace("mlops-engineer: {level: none, why: \"No platform decision is needed yet.\"}",
                          "mlops-engineers: {level: none, why: \"No platform decision is needed yet.\"}", 1)
    assert broken != text
    path = write_yaml(broken)
    with pytest.raises(DataError) as error:
        load_data(path)
    line = next(i for i, l in enumerate(broken.splitlines(), 1) if "mlops-engineers:" in l)
    assert f"roles.yml:{line}: ownership[0].mlops-engineers: unknown role 'mlops-engineers'" in str(error.value)
    assert "Traceback" not in str(error.value)


def test_schema_refuses_a_stage_without_environment(write_yaml, data):
    del data["lifecycle"][0]["environment"]
    path = write_yaml(data)
    with pytest.raises(DataError, match=r"lifecycle\[0\]: missing required key 'environment'"):
        load_data(path)


def test_fixture_without_lifecycle_data_stays_valid(valid_data):
    assert lifecycle.problems(valid_data) == []


# --- downloads, print page, links order ----------------------------------------------------------


def test_unmarked_strips_the_inline_subset():
    assert unmarked("A **user** of *the* `infra`, see [docs](https://example.org/a)") == \
        "A user of the infra, see docs (https://example.org/a)"
    assert unmarked("O*NET OnLine, 15-2051") == "O*NET OnLine, 15-2051"


def test_downloads_are_plain_text(data):
    files = data_files(Guide(data))
    assert "**" not in files["downloads/roles.json"]
    parsed = json.loads(files["downloads/roles.json"])
    assert parsed["topics"][3]["roles"]["data_scientist"].startswith("A user of the infrastructure")
    assert parsed["sources"][-1]["publisher"] == data["sources"][-1]["publisher"]
    assert "stage,role,level,why" in ownership_csv(Guide(data))
    assert "**" not in files["downloads/responsibilities.csv"]


def test_print_page_renames_diagram_labels_and_drops_the_links_table():
    page = RenderedPage("index.md", "Home", '<svg aria-labelledby="a-title a-desc"><title id="a-title">T</title><desc id="a-desc">D</desc></svg>')
    links = RenderedPage("links.md", "Stable links", '<p>x</p><div class="fg-links">\n<table><tr><td>row</td></tr></table>\n</div>')
    html = combine([page, links], "print.md")
    assert 'aria-labelledby="index--a-title index--a-desc"' in html and 'id="index--a-title"' in html
    assert "<td>row</td>" not in html and "left out of the printed guide" in html


def test_links_index_uses_the_menu_order():
    pages = [page for _, page in reading_order()]
    assert pages[0] == "index.md"
    assert pages.index("compare/neighbouring-roles.md") < pages.index("process/after-deployment.md") < pages.index("guides/worked-example.md")
