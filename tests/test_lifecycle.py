"""A model's life: who owns each stage, the diagrams drawn from the data, and their data checks.

The blocks are hooks/fieldguide/blocks/ownership.py and blocks/diagrams.py; the checks are
model/check_references.py and model/check_ownership.py. Most tests use the small fixture file
with a model's life added (`with_lifecycle`), so they test behaviour, not the guide's wording.
Golden files are in tests/golden/: rewrite them with `UPDATE_GOLDEN=1` and review the diff.
"""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import golden, problems_for
from fieldguide.blocks import diagrams, ownership
from fieldguide.blocks.registry import Context, expand
from fieldguide.blocks.site import LINKS_INDEX
from fieldguide.core import svg
from fieldguide.core.errors import MarkerError, format_path
from fieldguide.core.markup import href, unmarked
from fieldguide.core.menu import CONFIG_PATH, reading_order
from fieldguide.model.check_ownership import ownership_problems
from fieldguide.model.check_references import reference_problems
from fieldguide.model.guide import DATA_PATH, Guide
from fieldguide.model.load import load_data
from fieldguide.publish.export import data_files, ownership_csv
from fieldguide.publish.whole import RenderedPage, combine

SVG_NS = "{http://www.w3.org/2000/svg}"
HOSTILE = 'Says "no" to <b>bold</b> & more'
PROCESS_PAGE, ENVIRONMENTS_PAGE, NEIGHBOURS_PAGE = "process/data-science-process.md", "process/environments.md", \
    "compare/neighbouring-roles.md"


def _topic(topic_id: str, category: str, title: str, **extra) -> dict:
    return {"id": topic_id, "category": category, "title": title,
            "roles": {"data_scientist": "Does it.", "ml_engineer": "Helps."}, **extra}


def _cell(level: str) -> dict:
    return {"level": level, "why": f"The reason for {level}."}


def with_lifecycle(data: dict) -> dict:
    """The fixture file plus a process of five steps, three environments, one neighbouring role and three stages."""
    data["categories"] += [
        {"id": "process", "title": "Process", "page": PROCESS_PAGE, "summary": "The steps."},
        {"id": "environments", "title": "Environments", "page": ENVIRONMENTS_PAGE, "summary": "Where a model lives."},
    ]
    data["topics"] += [
        _topic("ask", "process", "Ask a question", also_called="Framing the problem"),
        _topic("get", "process", "Get the data"),
        _topic("explore", "process", "Explore the data"),
        _topic("model", "process", "Model the data"),
        _topic("tell", "process", "Tell the results"),
        _topic("research", "environments", "Research environment"),
        _topic("development", "environments", "Development environment"),
        _topic("production", "environments", "Production environment"),
    ]
    data["process_loop"] = [
        {"from": "explore", "to": "ask", "why": "The question needs sharpening."},
        {"from": "model", "to": "get", "why": "More data is needed."},
        {"from": "tell", "to": "ask", "why": "The answer raises the next question."},
    ]
    data["handoffs"] = [
        {"from": "research", "to": "development", "who": "Data scientist to ML engineer",
         "carries": ["the trained model", "the code that rebuilds the pipeline, with every step written down"]},
        {"from": "development", "to": "production", "who": "ML engineer to operations", "carries": ["the service"]},
        {"from": "production", "to": "research", "who": "Operations to data scientist", "carries": ["drift reports"]},
    ]
    data["neighbouring_roles"] = [{"id": "data-analyst", "name": "Data analyst", "short": "DA", "sources": ["brief"]}]
    data["lifecycle"] = [
        {"id": "question", "title": "Frame the question", "short": "Question", "environment": "research",
         "section": f"{PROCESS_PAGE}#ask", "passes_on": "A question the data can settle."},
        {"id": "build", "title": "Build the service", "short": "Build", "environment": "development",
         "section": f"{ENVIRONMENTS_PAGE}#development", "passes_on": "A tested service."},
        {"id": "serve", "title": "Serve", "short": "Serve", "environment": "production",
         "section": f"{ENVIRONMENTS_PAGE}#production", "passes_on": "Predictions."},
    ]
    data["ownership"] = [
        {"stage": "question", "data_scientist": {"level": "leads", "why": HOSTILE},
         "ml_engineer": _cell("consulted"), "data-analyst": _cell("contributes")},
        {"stage": "build", "data_scientist": _cell("contributes"), "ml_engineer": _cell("leads"), "data-analyst": _cell("none")},
        {"stage": "serve", "data_scientist": _cell("consulted"), "ml_engineer": _cell("leads"), "data-analyst": _cell("none")},
    ]
    return data


@pytest.fixture
def data(valid_data) -> dict:
    return with_lifecycle(valid_data)


def render(data: dict, marker: str, page: str = NEIGHBOURS_PAGE) -> str:
    return expand(f"<!-- {marker} -->", Context(Guide(data), page))


def svg_of(html: str, index: int = 0) -> ET.Element:
    return ET.fromstring(re.findall(r'<svg class="fg-diagram.*?</svg>', html, re.DOTALL)[index])


def svg_texts(drawing: ET.Element, css_class: str | None = None) -> list[str]:
    return [t.text for t in drawing.iter(f"{SVG_NS}text") if css_class is None or t.get("class") == css_class]


def desc_of(drawing: ET.Element) -> str:
    return drawing.find(f"{SVG_NS}desc").text


def test_the_fixture_with_a_models_life_is_valid(data, write_yaml):
    assert load_data(write_yaml(data))["ownership"] == data["ownership"]


# --- the matrix and the stages table ---------------------------------------------------------------


def test_matrix_has_a_row_per_stage_and_a_column_per_role(data):
    html = render(data, "ownership-matrix")
    headers = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert headers == ["Stage"] + [r["name"] for r in [*data["roles"], *data["neighbouring_roles"]]]
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', html)
    assert len(rows) == len(data["lifecycle"])
    for row, stage in zip(rows, data["lifecycle"]):
        page, _, anchor = stage["section"].partition("#")
        assert f'<a href="{href(NEIGHBOURS_PAGE, page, anchor)}">{stage["title"]}</a>' in row
        cells = re.findall(r"<td>(.*?)</td>", row)
        assert len(cells) == len(headers) - 1
    build = rows[1]
    assert re.findall(r'fg-level-(\w+)">', build) == ["contributes", "leads", "none"]


def test_matrix_golden(data):
    golden("ownership-matrix.html", ownership.build_ownership_matrix(Context(Guide(data), NEIGHBOURS_PAGE)))


def test_one_cell_edit_changes_matrix_and_map(data):
    before_matrix, before_map = render(data, "ownership-matrix"), render(data, "ownership-map")
    data["ownership"][2]["data-analyst"] = {"level": "leads", "why": "Owns <b>drift</b> & research"}
    after_matrix, after_map = render(data, "ownership-matrix"), render(data, "ownership-map")
    assert after_matrix != before_matrix and after_map != before_map
    assert "Owns &lt;b&gt;drift&lt;/b&gt; &amp; research" in after_matrix and "<b>" not in after_matrix
    leads = lambda html: len(svg_of(html).findall(f"{SVG_NS}circle[@class='fg-leads']"))  # noqa: E731
    assert leads(after_map) == leads(before_map) + 1
    assert "Serve: Data scientist consulted, ML engineer leads, Data analyst leads" in desc_of(svg_of(after_map))


def test_lifecycle_stages_table_names_who_leads(data):
    data["ownership"][2]["data-analyst"] = _cell("leads")
    data["ownership"][1]["ml_engineer"] = _cell("consulted")
    html = render(data, "lifecycle-stages", "guides/worked-example.md")
    assert '<th scope="col">Stage</th>' in html
    rows = re.findall(r'<tr><th scope="row"><a [^>]*>([^<]*)</a></th>(.*?)</tr>', html)
    assert [(title, re.findall(r"<td>(.*?)</td>", cells)[1]) for title, cells in rows] == [
        ("Frame the question", "Data scientist"), ("Build the service", "Nobody"), ("Serve", "ML engineer, Data analyst")]
    assert "<td>Production environment</td>" in rows[2][1]


# --- the map, the home page picture and their legends -----------------------------------------------


def test_map_has_a_symbol_per_cell_and_names_short_columns(data):
    drawing = svg_of(render(data, "ownership-map"))
    assert "DA = Data analyst" in desc_of(drawing)
    grid = [el for el in drawing if el.get("class") in ("fg-leads", "fg-ring", "fg-none")]
    assert len(grid) >= len(data["lifecycle"]) * 3  # plus the legend's
    assert svg_texts(drawing, "fg-strong") == [r.get("short", r["name"]) for r in [*data["roles"], *data["neighbouring_roles"]]]
    assert len(drawing.findall(f"{SVG_NS}line[@class='fg-rule']")) == 2  # between the three environments


def test_home_picture_follows_the_data_and_says_every_level(data):
    before = render(data, "two-roles", "index.md")
    assert "<li>Data scientist: leads question; contributes to build; consulted on serve.</li>" in before
    assert "<li>ML engineer: leads build, serve; consulted on question.</li>" in before
    data["ownership"][2]["data_scientist"] = _cell("leads")
    after = render(data, "two-roles", "index.md")
    count = lambda drawing: len(drawing.findall(f"{SVG_NS}rect[@class='fg-leads']"))  # noqa: E731
    assert count(svg_of(after)) == count(svg_of(before)) + 1
    assert "Data scientist: leads question, serve; contributes to build." in after
    assert "Data scientist: leads question, serve; contributes to build." in desc_of(svg_of(after))
    data["ownership"][0]["data_scientist"] = data["ownership"][2]["data_scientist"] = _cell("none")
    assert "<li>Data scientist: contributes to build; no part in question, serve.</li>" in render(data, "two-roles", "index.md")


def test_a_stage_led_by_an_acronym_keeps_its_capitals_in_words(data):
    data["lifecycle"][1]["short"] = "ML review"
    assert "leads ML review, serve" in render(data, "two-roles", "index.md")


def test_home_picture_has_both_widths_and_groups_stages_by_environment(data):
    html = render(data, "two-roles", "index.md")
    wide, narrow = svg_of(html, 0), svg_of(html, 1)
    assert svg_texts(wide, "fg-strong")[:3] == ["Research", "Development", "Production"]
    assert " ".join(svg_texts(narrow, "fg-strong")) == "Data scientist ML engineer"  # full names, wrapped, not short ones
    assert "Data analyst" not in desc_of(narrow)


@pytest.mark.parametrize("marker", ["ownership-map", "two-roles"])
def test_legend_labels_do_not_overlap(data, marker):
    drawing = svg_of(render(data, marker, "index.md"))
    keys = [t for t in drawing.iter(f"{SVG_NS}text") if t.text in ownership.LEVEL_NAMES.values()]
    assert [t.text for t in keys] == list(ownership.LEVEL_NAMES.values())
    for left, right in zip(keys, keys[1:]):
        assert float(right.get("x")) > float(left.get("x")) + svg.text_width(left.text, float(left.get("font-size")))


# --- neighbouring roles ------------------------------------------------------------------------------


def test_neighbour_heading_and_sources(data):
    html = render(data, "neighbour: data-analyst")
    assert html.strip().startswith("## Data analyst { #data-analyst }")
    assert '<p class="fg-sources">Nearest references: <a href="../sources.html#source-brief">' in html
    del data["neighbouring_roles"][0]["sources"]
    assert render(data, "neighbour: data-analyst").strip() == "## Data analyst { #data-analyst }"


def test_unknown_neighbour_is_a_marker_error(data):
    with pytest.raises(MarkerError, match=r"neighbouring-roles.md: marker .*unknown neighbouring role 'nobody'"):
        render(data, "neighbour: nobody")
    with pytest.raises(MarkerError, match="expected <!-- neighbour: NEIGHBOUR -->"):
        render(data, "neighbour")


@pytest.mark.parametrize("missing", ["ownership", "lifecycle"])
@pytest.mark.parametrize("marker", ["ownership-matrix", "ownership-map", "two-roles", "lifecycle-stages"])
def test_missing_lifecycle_data_is_a_clean_marker_error(data, marker, missing):
    del data[missing]
    with pytest.raises(MarkerError, match=f"compare/neighbouring-roles.md: marker .*the data file has no '{missing}'"):
        render(data, marker)


# --- the diagrams ------------------------------------------------------------------------------------

REAL = Guide.load()
REAL_DIAGRAMS = ["ownership-map", "two-roles", "process-loop: process", "model-path: environments"]


@pytest.mark.parametrize("marker", REAL_DIAGRAMS)
def test_every_diagram_is_a_named_image_without_script(marker):
    html = expand(f"<!-- {marker} -->", Context(REAL, ENVIRONMENTS_PAGE))
    drawings = re.findall(r'<svg class="fg-diagram.*?</svg>', html, re.DOTALL)
    assert drawings
    for drawing in drawings:
        root = ET.fromstring(drawing)  # well-formed
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG_NS}title"), root.find(f"{SVG_NS}desc")
        assert title is not None and title.text and desc is not None and len(desc.text) > 40
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert root.get("viewBox") and "script" not in drawing and "http" not in drawing.replace(SVG_NS[1:-1], "")
    assert "<figcaption>" in html  # the text alternative beside the picture


def test_diagram_ids_are_unique_on_a_page():
    html = expand("\n\n".join(f"<!-- {m} -->" for m in REAL_DIAGRAMS), Context(REAL, "index.md"))
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_process_loop_draws_stages_and_every_way_back(data):
    html = render(data, "process-loop: process", PROCESS_PAGE)
    drawing = svg_of(html)
    assert svg_texts(drawing, "fg-strong") == [f"{i}. {t['title']}" for i, t in enumerate(data["topics"][2:7], 1)]
    assert "Framing the problem" in svg_texts(drawing, "fg-soft")
    assert len(drawing.findall(f"{SVG_NS}polyline[@class='fg-back']")) == 3
    for loop in data["process_loop"]:
        assert loop["why"].removesuffix(".") in desc_of(drawing) and loop["why"] in html
    data["process_loop"].append({"from": "tell", "to": "model", "why": "A <new> way back"})
    again = render(data, "process-loop: process", PROCESS_PAGE)
    assert len(svg_of(again).findall(f"{SVG_NS}polyline[@class='fg-back']")) == 4
    assert "A <new> way back" in desc_of(svg_of(again))  # parsed back from &lt;new&gt;
    assert "A &lt;new&gt; way back" in again and "<new>" not in again


def test_process_loop_boxes_hold_their_bold_titles(data):
    data["topics"][3]["title"] = "Get the data from every warehouse the company has ever run"
    drawing = svg_of(render(data, "process-loop: process", PROCESS_PAGE))
    titles = svg_texts(drawing, "fg-strong")
    assert " ".join(titles[1:4]) == "2. Get the data from every warehouse the company has ever run"  # wrapped
    boxes = drawing.findall(f"{SVG_NS}rect[@class='fg-box']")
    assert len({b.get("width") for b in boxes}) == 1
    right = float(boxes[0].get("x")) + float(boxes[0].get("width")) - diagrams.BOX_PADDING
    for text in drawing.iter(f"{SVG_NS}text"):
        if text.get("class") in ("fg-strong", "fg-soft"):
            bold = text.get("class") == "fg-strong"
            assert float(text.get("x")) + svg.text_width(text.text, float(text.get("font-size")), bold) <= right + 0.1


def test_process_loop_golden(data):
    # One element a line, so that a change reads as a diff.
    golden("process-loop.svg", str(diagrams.process_loop_svg(Guide(data), "process")).replace("><", ">\n<") + "\n")


def test_a_way_back_may_not_leave_its_category(data, write_yaml):
    data["process_loop"].append({"from": "tell", "to": "research", "why": "Back to the lab."})
    path = write_yaml(data)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines.index("  to: research", lines.index("- from: tell", lines.index("process_loop:") + 8)) + 1
    assert problems_for(path) == [
        f"{path}:{line}: process_loop[3].to: a way back stays inside one category: "
        "'tell' is in 'process', 'research' in 'environments'"
    ]


def _caption_ways(html: str) -> list[tuple[str, str, str, str]]:
    """(letter, from, to, why) for each way back the caption lists."""
    return re.findall(r"<li>\(([a-z])\) From <a [^>]*>([^<]*)</a> back to <a [^>]*>([^<]*)</a>: ([^<]*)</li>", html)


def _desc_ways(drawing: ET.Element) -> list[tuple[str, str, str, str]]:
    """(letter, from, to, why) for each way back the drawing's description lists."""
    ways = desc_of(drawing).split("Ways back: ", 1)[1].removesuffix(".")
    return re.findall(r"\(([a-z])\) from (.+?) to (.+?): (.+?)(?=; \([a-z]\) from |$)", ways)


def test_diagram_and_caption_letter_the_same_ways_back(data):
    # Listed first, and belonging to neither the drawing nor the caption: a way back within another
    # category, and one leaving the process (the loader refuses it; a Guide built here does not check).
    data["process_loop"][:0] = [{"from": "research", "to": "development", "why": "Not part of the process."},
                                {"from": "explore", "to": "research", "why": "Leaves the process."}]
    data["process_loop"].append({"from": "model", "to": "explore", "why": "The model shows a gap in the data."})
    inside = data["process_loop"][2:]
    html = render(data, "process-loop: process", PROCESS_PAGE)
    drawing = svg_of(html)
    caption, described = _caption_ways(html), _desc_ways(drawing)
    titles = {t["id"]: t["title"] for t in data["topics"]}
    expected = [(letter, titles[w["from"]], titles[w["to"]], w["why"]) for letter, w in zip("abcd", inside)]
    assert caption == expected
    # The description runs the ways back into one sentence: each reason without its own full stop.
    assert described == [(*way[:3], way[3].removesuffix(".")) for way in expected] and ".." not in desc_of(drawing)
    assert svg_texts(drawing, "fg-on-badge") == ["a", "b", "c", "d"]
    # The k-th badge sits on the k-th way back's lane, which leaves the stage it comes from and
    # arrives at the stage it returns to (tests/test_diagrams.py: none cross, badges stand clear).
    boxes = [(float(r.get("y")), float(r.get("y")) + float(r.get("height")))
             for r in drawing.findall(f"{SVG_NS}rect[@class='fg-box']")]
    order = [t["id"] for t in data["topics"] if t["category"] == "process"]
    badges = drawing.findall(f"{SVG_NS}circle[@class='fg-badge']")
    lanes = drawing.findall(f"{SVG_NS}polyline[@class='fg-back']")
    assert len(badges) == len(lanes) == len(inside)
    for way, badge, lane in zip(inside, badges, lanes):
        points = [tuple(map(float, p.split(","))) for p in lane.get("points").split()]
        assert float(badge.get("cx")) == points[1][0] == points[2][0]  # on the lane
        assert min(points[1][1], points[2][1]) < float(badge.get("cy")) < max(points[1][1], points[2][1])
        top, bottom = boxes[order.index(way["from"])]
        assert top < points[0][1] < bottom
        top, bottom = boxes[order.index(way["to"])]
        assert top < points[-1][1] < bottom


def test_model_path_shows_what_travels(data):
    html = render(data, "model-path: environments", ENVIRONMENTS_PAGE)
    drawing = svg_of(html)
    texts = " ".join(svg_texts(drawing))
    for handoff in data["handoffs"]:
        assert handoff["who"] in texts
        for item in handoff["carries"]:
            assert item.split()[0] in texts and item in " ".join(html.split())  # wrapped in the drawing, whole in words
    assert len(drawing.findall(f"{SVG_NS}polyline[@class='fg-back']")) == 1  # production back to research
    data["handoffs"][0]["carries"].append("a note on <licences> & terms")
    changed = render(data, "model-path: environments", ENVIRONMENTS_PAGE)
    assert "a note on &lt;licences&gt; &amp; terms" in changed and "<licences>" not in changed


def test_model_path_wraps_long_items_inside_the_drawing(data):
    drawing = svg_of(render(data, "model-path: environments", ENVIRONMENTS_PAGE))
    right = float(drawing.get("viewBox").split()[2])
    for text in drawing.iter(f"{SVG_NS}text"):
        if text.get("text-anchor") is None:
            assert float(text.get("x")) + svg.text_width(text.text, float(text.get("font-size"))) <= right
    long_item = data["handoffs"][0]["carries"][1]
    texts = svg_texts(drawing)
    first = texts.index(next(t for t in texts if t.startswith("• the code")))
    assert texts[first] != f"• {long_item}" and f"{texts[first]} {texts[first + 1]}" == f"• {long_item}"


def test_diagram_values_are_escaped(data):
    data["lifecycle"][0]["title"] = 'Ask <script>alert("x")</script>'
    data["lifecycle"][0]["short"] = "Q&A"
    html = expand("<!-- two-roles -->\n\n<!-- ownership-map -->\n\n<!-- ownership-matrix -->", Context(Guide(data), "index.md"))
    assert "<script>" not in html
    assert "Ask &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "Q&amp;A" in html


# --- bad data ----------------------------------------------------------------------------------------


def messages(data: dict) -> list[str]:
    return [f"{format_path(p.path)}: {p.message}" for p in [*reference_problems(data), *ownership_problems(data)]]


def test_real_data_has_no_problems():
    real = load_data(DATA_PATH)
    assert messages(real) == []


def test_fixture_without_lifecycle_data_stays_valid(valid_data):
    assert messages(valid_data) == []


def test_unknown_role_in_a_cell(data):
    data["ownership"][2]["statistician"] = {"level": "leads", "why": "x"}
    assert any(m.startswith("ownership[2].statistician: unknown role 'statistician'") for m in messages(data))


def test_missing_cell_and_missing_row(data):
    del data["ownership"][1]["ml_engineer"]
    del data["ownership"][-1]
    found = messages(data)
    assert "ownership[1]: missing the cell for role 'ml_engineer'" in found
    assert "ownership: no row for stage 'serve'" in found


def test_unknown_and_repeated_stage(data):
    data["ownership"][0]["stage"] = "launch-party"
    data["ownership"][2]["stage"] = data["ownership"][1]["stage"]
    found = messages(data)
    assert any(m.startswith("ownership[0].stage: unknown stage 'launch-party'") for m in found)
    assert "ownership[2].stage: duplicate stage 'build', already used at ownership[1]" in found


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
    for message in ("process_loop[0].to: unknown topic 'nowhere'", "handoffs[0].from: unknown topic 'lab'",
                    "lifecycle[0].environment: unknown topic 'cloud'",
                    "neighbouring_roles[0].sources[0]: unknown source 'missing-source'"):
        assert any(m.startswith(message) for m in found), message


def test_a_neighbour_may_not_reuse_a_main_role_id(data, write_yaml):
    data["neighbouring_roles"][0]["id"] = "ml_engineer"
    assert "neighbouring_roles[0].id: duplicate role id 'ml_engineer', already used at roles[1]" in messages(data)
    # Loading refuses it even before the check runs: a neighbour's id is written with hyphens.
    assert any(": neighbouring_roles[0].id: " in p for p in problems_for(write_yaml(data)))


def test_two_neighbours_may_not_share_an_id(data):
    data["neighbouring_roles"].append({**data["neighbouring_roles"][0], "name": "Another analyst"})
    assert "neighbouring_roles[1].id: duplicate role id 'data-analyst', already used at neighbouring_roles[0]" in messages(data)


def test_problems_name_file_and_line(write_yaml, tmp_path):
    text = DATA_PATH.read_text(encoding="utf-8")
    good = re.search(r"^    mlops-engineer: \{level: .*$", text, re.MULTILINE)[0]
    broken = text.replace(good, good.replace("mlops-engineer:", "mlops-engineers:"), 1)
    (tmp_path / "pay-extract.csv").write_bytes((DATA_PATH.parent / "pay-extract.csv").read_bytes())
    path = write_yaml(broken)
    lines = broken.splitlines()
    line = lines.index(good.replace("mlops-engineer:", "mlops-engineers:")) + 1
    row_line = next(i for i in range(line, 0, -1) if lines[i - 1].startswith("  - stage:"))
    found = problems_for(path)
    assert any(p.startswith(f"{path}:{line}: ownership[0].mlops-engineers: unknown role 'mlops-engineers'") for p in found)
    assert f"{path}:{row_line}: ownership[0]: missing the cell for role 'mlops-engineer'" in found
    assert not any("Traceback" in p for p in found)


def test_schema_refuses_a_stage_without_environment(write_yaml, data):
    del data["lifecycle"][0]["environment"]
    assert any(re.search(r"lifecycle\[0\]: missing required key 'environment'", p) for p in problems_for(write_yaml(data)))


# --- downloads, print page, links order ---------------------------------------------------------------


def test_unmarked_strips_the_inline_subset():
    assert unmarked("A **user** of *the* `infra`, see [docs](https://example.org/a)") == \
        "A user of the infra, see docs (https://example.org/a)"
    assert unmarked("O*NET OnLine, 15-2051") == "O*NET OnLine, 15-2051"


def test_downloads_are_plain_text():
    data = copy.deepcopy(REAL.data)
    marked = next(t for t in data["topics"] if "**" in t["roles"]["data_scientist"])
    files = data_files(Guide(data))
    assert "**" not in files["downloads/roles.json"]
    parsed = json.loads(files["downloads/roles.json"])
    shown = next(t for t in parsed["topics"] if t["id"] == marked["id"])
    assert shown["roles"]["data_scientist"] == unmarked(marked["roles"]["data_scientist"])
    assert parsed["sources"][-1]["publisher"] == data["sources"][-1]["publisher"]
    assert ownership_csv(Guide(data)).startswith("stage,role,level,why")
    assert "**" not in files["downloads/responsibilities.csv"]


def test_print_page_renames_diagram_labels_and_drops_the_links_table():
    drawing = '<svg aria-labelledby="a-title a-desc"><title id="a-title">T</title><desc id="a-desc">D</desc></svg>'
    page = RenderedPage("index.md", "Home", drawing)
    start, end = LINKS_INDEX
    links = RenderedPage("links.md", "Stable links", f'<p>x</p>{start}\n<ul class="fg-links"><li>row</li></ul>\n{end}')
    html = combine([page, links], "print.md")
    assert 'aria-labelledby="index--a-title index--a-desc"' in html and 'id="index--a-title"' in html
    assert "<td>row</td>" not in html and "left out of the printed guide" in html


def test_links_index_uses_the_menu_order():
    pages = [page for _, page in reading_order()]
    assert pages[0] == "index.md" and len(pages) == len(set(pages))
    config = CONFIG_PATH.read_text(encoding="utf-8")
    positions = [config.index(f": {page}") for page in pages]
    assert positions == sorted(positions)
