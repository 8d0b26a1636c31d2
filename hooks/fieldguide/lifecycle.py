"""The whole life of a model: who owns each stage, and the diagrams drawn from the data.

Reads the data file's ``neighbouring_roles``, ``lifecycle``, ``ownership``,
``process_loop`` and ``handoffs`` (see data/README.md). Renders:

- ``<!-- ownership-matrix -->``: stages × roles, each cell a level and a reason;
- ``<!-- ownership-map -->``: the same matrix drawn as a grid of symbols;
- ``<!-- two-roles -->``: the two main roles along a model's path, for the home page;
- ``<!-- process-loop: CATEGORY -->``: the stages of a category as a loop with its ways back;
- ``<!-- model-path: CATEGORY -->``: the environments of a category with what travels between them;
- ``<!-- lifecycle-stages -->``: the stages with their environment, who leads and what passes on;
- ``<!-- neighbour: ROLE -->``: a neighbouring role's section heading and its sources.

Diagrams are inline SVG: no script, nothing fetched. Colours come from the theme's
CSS custom properties through classes (docs/assets/extra.css), with ``currentColor``
as the fallback, so they read in light, dark and print. Every value goes through
``text.plain``: data never becomes live markup.
"""

from __future__ import annotations

from . import svg
from .guide import SOURCES_PAGE, Guide, UnknownName, source_anchor
from .load import Problem, unknown
from .text import href, html_table, markdown_text, plain

LEVELS = ("leads", "contributes", "consulted", "none")
LEVEL_NAMES = {"leads": "Leads", "contributes": "Contributes", "consulted": "Consulted", "none": "None"}


class LifecycleError(ValueError):
    """A page asked for a lifecycle block the data cannot give; the marker names the page."""


# --- the data ------------------------------------------------------------------------


def all_roles(guide: Guide) -> list[dict]:
    """The two main roles, then the neighbouring roles: the matrix's columns."""
    return [*guide.roles, *guide.data.get("neighbouring_roles", [])]


def _require(guide: Guide, key: str) -> list[dict]:
    items = guide.data.get(key)
    if not items:
        raise LifecycleError(f"the data file has no '{key}'")
    return items


def _cells(guide: Guide) -> dict[str, dict[str, dict]]:
    """stage id -> role id -> {level, why}."""
    return {row["stage"]: {k: v for k, v in row.items() if k != "stage"} for row in _require(guide, "ownership")}


def _topic_title(guide: Guide, topic_id: str) -> str:
    return guide.topic(topic_id)["title"]


# --- cross-checks (wired into load.load_data after the schema) ---------------------------


def problems(data: dict) -> list[Problem]:
    """Unknown or repeated roles and stages, missing cells, and links to things that do not exist."""
    found: list[Problem] = []
    role_ids = [r["id"] for r in data.get("roles", [])]
    source_ids = {s["id"] for s in data.get("sources", [])}
    topic_ids = {t["id"] for t in data.get("topics", [])}
    for i, role in enumerate(data.get("neighbouring_roles", [])):
        if role["id"] in role_ids:
            found.append(Problem(("neighbouring_roles", i, "id"), f"duplicate role id '{role['id']}'"))
        role_ids.append(role["id"])
        for j, source in enumerate(role.get("sources", [])):
            if source not in source_ids:
                found.append(Problem(("neighbouring_roles", i, "sources", j), unknown("source", source, sorted(source_ids))))
    for key in ("process_loop", "handoffs"):
        for i, item in enumerate(data.get(key, [])):
            for end in ("from", "to"):
                if item[end] not in topic_ids:
                    found.append(Problem((key, i, end), f"unknown topic '{item[end]}'"))
    stage_ids: list[str] = []
    for i, stage in enumerate(data.get("lifecycle", [])):
        if stage["id"] in stage_ids:
            found.append(Problem(("lifecycle", i, "id"), f"duplicate stage id '{stage['id']}'"))
        stage_ids.append(stage["id"])
        if stage["environment"] not in topic_ids:
            found.append(Problem(("lifecycle", i, "environment"), f"unknown topic '{stage['environment']}'"))
    found += _ownership_problems(data, role_ids, stage_ids)
    return found


def _ownership_problems(data: dict, role_ids: list[str], stage_ids: list[str]) -> list[Problem]:
    if "ownership" not in data:
        return []
    found: list[Problem] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(data["ownership"]):
        stage = row["stage"]
        if stage not in stage_ids:
            found.append(Problem(("ownership", i, "stage"), unknown("stage", stage, stage_ids)))
        elif stage in seen:
            found.append(Problem(("ownership", i, "stage"), f"stage '{stage}' already has a row at ownership[{seen[stage]}]"))
        else:
            seen[stage] = i
        for key, cell in row.items():
            if key == "stage":
                continue
            if key not in role_ids:
                found.append(Problem(("ownership", i, key), unknown("role", key, role_ids)))
            found += _cell_problems(cell, ("ownership", i, key))
        for role in role_ids:
            if role not in row:
                found.append(Problem(("ownership", i), f"missing the cell for role '{role}'"))
    for stage in stage_ids:
        if stage not in seen:
            found.append(Problem(("ownership",), f"no row for stage '{stage}'"))
    return found


def _cell_problems(cell, path: tuple) -> list[Problem]:
    # The schema says the same; checked here too so that a checker which skips
    # schema-valued additionalProperties still never lets a bad cell reach a renderer.
    if not isinstance(cell, dict):
        return [Problem(path, "expected a mapping with 'level' and 'why'")]
    found = []
    if cell.get("level") not in LEVELS:
        found.append(Problem(path + ("level",), f"expected one of {', '.join(LEVELS)}, got {cell.get('level')!r}"))
    if not isinstance(cell.get("why"), str) or not cell.get("why", "").strip():
        found.append(Problem(path + ("why",), "expected a short reason as text"))
    for key in cell:
        if key not in ("level", "why"):
            found.append(Problem(path + (key,), "unknown key; expected one of: level, why"))
    return found


# --- drawing (the generic pieces are in svg.py) -------------------------------------------

_w = svg.text_width


def _wrap(text: str, size: float, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and _w(candidate, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "start", size: float = 12) -> str:
    """svg.text with a font size: these diagrams mix sizes within one drawing."""
    return svg.text(x, y, text, cls, anchor).replace("<text ", f'<text font-size="{svg.number(size)}" ', 1)


def _arrow(points: list[tuple[float, float]], cls: str = "fg-line") -> str:
    """A polyline ending in a drawn arrowhead (no <marker>: ids would clash between diagrams)."""
    path = " ".join(f"{x:g},{y:g}" for x, y in points)
    (x1, y1), (x2, y2) = points[-2], points[-1]
    dx, dy = x2 - x1, y2 - y1
    length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
    ux, uy = dx / length, dy / length
    back = (x2 - 8 * ux, y2 - 8 * uy)
    left = (back[0] - 4 * uy, back[1] + 4 * ux)
    right = (back[0] + 4 * uy, back[1] - 4 * ux)
    head = f"{x2:g},{y2:g} {left[0]:.1f},{left[1]:.1f} {right[0]:.1f},{right[1]:.1f}"
    return f'<polyline class="{cls}" points="{path}" fill="none" stroke="currentColor"/><polygon class="{cls}-head" points="{head}" fill="currentColor"/>'


def _svg(ident: str, title: str, desc: str, width: float, height: float, body: list[str], cls: str = "") -> str:
    """An accessible inline SVG (svg.root) in the diagrams' own class."""
    return svg.root(ident, width, height, title, desc, body, f"fg-diagram {cls}".strip())


def _figure(svg: str, caption: str = "", cls: str = "") -> str:
    klass = f"fg-figure {cls}".strip()
    caption = f"<figcaption>{caption}</figcaption>" if caption else ""
    # One line per element and no blank lines: Markdown keeps the block as raw HTML.
    return f'<figure class="{klass}">\n{svg}\n{caption}\n</figure>'


def _symbol(level: str, x: float, y: float, r: float = 7) -> str:
    if level == "leads":
        return f'<circle class="fg-leads" cx="{x:g}" cy="{y:g}" r="{r:g}"/>'
    if level == "contributes":
        return (
            f'<circle class="fg-ring" cx="{x:g}" cy="{y:g}" r="{r:g}" fill="none" stroke="currentColor"/>'
            f'<path class="fg-leads" d="M{x:g},{y - r:g} A{r:g},{r:g} 0 0 0 {x:g},{y + r:g} Z"/>'
        )
    if level == "consulted":
        return f'<circle class="fg-ring" cx="{x:g}" cy="{y:g}" r="{r:g}" fill="none" stroke="currentColor"/>'
    return f'<line class="fg-none" x1="{x - 4:g}" y1="{y:g}" x2="{x + 4:g}" y2="{y:g}" stroke="currentColor"/>'


def _legend(x: float, y: float, size: float = 11) -> list[str]:
    body, position = [], x
    for level in LEVELS:
        body.append(_symbol(level, position + 7, y - 4, 6))
        body.append(_text(position + 17, y, LEVEL_NAMES[level], size=size))
        position += 17 + _w(LEVEL_NAMES[level], size) + 12
    return body


# --- the ownership matrix and map ------------------------------------------------------------


def build_ownership_matrix(ctx, args: str = "") -> str:
    guide, roles, cells = ctx.guide, all_roles(ctx.guide), _cells(ctx.guide)
    rows = []
    for stage in _require(guide, "lifecycle"):
        page, _, anchor = stage["section"].partition("#")
        link = href(ctx.page, page, anchor)
        tds = "".join(
            f'<td><span class="fg-level fg-level-{c["level"]}">{LEVEL_NAMES[c["level"]]}</span> {plain(c["why"])}</td>'
            for c in (cells[stage["id"]][role["id"]] for role in roles)
        )
        rows.append(f'<tr><th scope="row"><a href="{link}">{plain(stage["title"])}</a></th>{tds}</tr>')
    caption = "Who owns each stage of a model's life: leads, contributes, consulted or none, with the reason"
    table = html_table(caption, ["Stage", *(plain(r["name"]) for r in roles)], rows)
    return f'<div class="fg-matrix">\n{table}\n</div>'


def ownership_map_svg(guide: Guide, ident: str = "fg-ownership-map", role_ids: list[str] | None = None) -> str:
    """Stages down, roles across, a symbol per cell. Narrow enough for a phone."""
    roles = [r for r in all_roles(guide) if role_ids is None or r["id"] in role_ids]
    stages, cells = _require(guide, "lifecycle"), _cells(guide)
    label_w, col_w, row_h, top = 178, 44 if role_ids else 36, 26, 30
    if role_ids:
        col_w = max(col_w, max(_w(r["name"], 11) for r in roles) + 10)
    width = label_w + col_w * len(roles) + 8
    height = top + row_h * len(stages) + 36
    body = []
    for j, role in enumerate(roles):
        label = role["name"] if role_ids else role.get("short", role["name"])
        body.append(_text(label_w + col_w * j + col_w / 2, 18, label, "fg-strong", "middle", 11))
    previous_env = None
    for i, stage in enumerate(stages):
        y = top + row_h * i
        if previous_env and stage["environment"] != previous_env:
            body.append(f'<line class="fg-rule" x1="0" y1="{y:g}" x2="{width:g}" y2="{y:g}" stroke="currentColor"/>')
        previous_env = stage["environment"]
        body.append(_text(4, y + 17, stage["title"], size=11))
        for j, role in enumerate(roles):
            body.append(_symbol(cells[stage["id"]][role["id"]]["level"], label_w + col_w * j + col_w / 2, y + row_h / 2))
    body += _legend(4, height - 10)
    names = ", ".join(f"{r.get('short', r['name'])} = {r['name']}" for r in roles) if not role_ids else ""
    summary = "; ".join(
        f"{stage['title']}: " + ", ".join(
            f"{r['name']} {cells[stage['id']][r['id']]['level']}" for r in roles if cells[stage["id"]][r["id"]]["level"] != "none"
        )
        for stage in stages
    )
    title = "Who owns each stage of a model's life" if not role_ids else "The two roles along a model's life"
    desc = (f"Stages from top to bottom, roles across ({names}). " if names else "Stages from top to bottom. ") + summary + "."
    return _svg(ident, title, desc, width, height, body, "fg-map")


def build_ownership_map(ctx, args: str = "") -> str:
    caption = "Filled: leads. Half filled: contributes. Ring: consulted. Dash: no part. The table below gives every cell with its reason."
    return _figure(ownership_map_svg(ctx.guide), plain(caption))


# --- the home page picture ------------------------------------------------------------------


def two_roles_svg(guide: Guide, ident: str = "fg-two-roles") -> str:
    """The two main roles as lanes along the stages, grouped by environment. Wide, for large screens."""
    stages, cells, roles = _require(guide, "lifecycle"), _cells(guide), guide.roles
    label_w, col_w, lane_h = 112, 56, 26
    width = label_w + col_w * len(stages) + 4
    top_env, top_stage, top_lanes = 16, 38, 48
    height = top_lanes + lane_h * len(roles) + 24
    body = []
    groups: list[tuple[str, int, int]] = []
    for i, stage in enumerate(stages):
        if groups and groups[-1][0] == stage["environment"]:
            groups[-1] = (groups[-1][0], groups[-1][1], i)
        else:
            groups.append((stage["environment"], i, i))
    for env, first, last in groups:
        x1, x2 = label_w + col_w * first + 2, label_w + col_w * (last + 1) - 2
        body.append(f'<line class="fg-env" x1="{x1:g}" y1="22" x2="{x2:g}" y2="22" stroke="currentColor"/>')
        body.append(_text((x1 + x2) / 2, top_env, _topic_title(guide, env).replace(" environment", ""), "fg-strong", "middle", 12))
    for i, stage in enumerate(stages):
        body.append(_text(label_w + col_w * i + col_w / 2, top_stage, stage["short"], "", "middle", 10.5))
    for j, role in enumerate(roles):
        y = top_lanes + lane_h * j
        body.append(_text(4, y + lane_h / 2 + 4, role["name"], "fg-strong", size=12))
        for i, stage in enumerate(stages):
            level = cells[stage["id"]][role["id"]]["level"]
            x = label_w + col_w * i + 2
            body.append(_lane_cell(level, x, y + 4, col_w - 4, lane_h - 8))
    legend_y = height - 6
    position = label_w
    for level in LEVELS:
        body.append(_lane_cell(level, position, legend_y - 10, 22, 12))
        body.append(_text(position + 27, legend_y, LEVEL_NAMES[level], size=11))
        position += 27 + _w(LEVEL_NAMES[level], 11) + 14
    desc = "Stages of a model's life from left to right, grouped into research, development and production. " + " ".join(
        f"{role['name']} leads: "
        + ", ".join(s["short"].lower() for s in stages if cells[s["id"]][role["id"]]["level"] == "leads")
        + "."
        for role in roles
    )
    return _svg(ident, "The two roles along a model's path", desc, width, height, body, "fg-lanes")


def _lane_cell(level: str, x: float, y: float, w: float, h: float) -> str:
    if level == "none":
        return f'<rect class="fg-empty" x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="none"/>'
    cls = {"leads": "fg-leads", "contributes": "fg-half", "consulted": "fg-ring"}[level]
    fill = ' fill="none" stroke="currentColor"' if level == "consulted" else ""
    return f'<rect class="{cls}" x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="3"{fill}/>'


def build_two_roles(ctx, args: str = "") -> str:
    guide, cells = ctx.guide, _cells(ctx.guide)
    stages = _require(guide, "lifecycle")
    wide = two_roles_svg(guide)
    narrow = ownership_map_svg(guide, "fg-two-roles-narrow", [r["id"] for r in guide.roles])
    words = []
    for role in guide.roles:
        names = [plain(s["short"].lower()) for s in stages if cells[s["id"]][role["id"]]["level"] == "leads"]
        words.append(f"{plain(role['name'])} leads: {', '.join(names) or 'no stage'}.")
    caption = f'<span class="fg-in-words">In words: {" ".join(words)}</span>'
    return (
        '<figure class="fg-figure fg-two-roles">\n'
        f'<div class="fg-wide">{wide}</div>\n<div class="fg-narrow">{narrow}</div>\n'
        f"<figcaption>{caption}</figcaption>\n</figure>"
    )


# --- the CS 109 loop ----------------------------------------------------------------------------


def process_loop_svg(guide: Guide, category_id: str, ident: str = "fg-process-loop") -> str:
    stages = guide.topics_in(category_id)
    index = {t["id"]: i for i, t in enumerate(stages)}
    loops = [b for b in guide.data.get("process_loop", []) if b["from"] in index and b["to"] in index]
    box_x, box_h, gap, top = 10, 46, 26, 8
    # Bold labels run wider than the estimate for regular text.
    box_w = max([236.0] + [_w(f"{i + 1}. {t['title']}", 12.5) * 1.12 + 20 for i, t in enumerate(stages)])
    lane0, lane_step = box_x + box_w + 18, 24
    width = lane0 + lane_step * max(len(loops), 1) + 12
    height = top + len(stages) * box_h + (len(stages) - 1) * gap + 8
    body = []
    mids = []
    for i, stage in enumerate(stages):
        y = top + i * (box_h + gap)
        mids.append(y + box_h / 2)
        body.append(f'<rect class="fg-box" x="{box_x}" y="{y:g}" width="{box_w:g}" height="{box_h}" rx="6" fill="none" stroke="currentColor"/>')
        body.append(_text(box_x + 10, y + 19, f"{i + 1}. {stage['title']}", "fg-strong", size=12.5))
        if stage.get("also_called"):
            body.append(_text(box_x + 10, y + 36, stage["also_called"], "fg-soft", size=10.5))
        if i:
            x = box_x + box_w / 2
            body.append(_arrow([(x, y - gap + 1), (x, y - 1)]))
    for k, loop in enumerate(loops):
        start, end = mids[index[loop["from"]]] + 6, mids[index[loop["to"]]] - 6
        lane = lane0 + lane_step * k
        right = box_x + box_w
        body.append(_arrow([(right, start), (lane, start), (lane, end), (right + 1, end)], "fg-back"))
        letter = "abcdefghijklmnopqrstuvwxyz"[k % 26]
        middle = (start + end) / 2
        body.append(f'<circle class="fg-badge" cx="{lane:g}" cy="{middle:g}" r="8"/>')
        body.append(_text(lane, middle + 4, letter, "fg-on-badge", "middle", 11))
    desc = (
        f"The {len(stages)} stages in order: " + ", ".join(t["title"] for t in stages) + ". Ways back: "
        + "; ".join(
            f"({'abcdefghijklmnopqrstuvwxyz'[k % 26]}) from {_topic_title(guide, b['from'])} to {_topic_title(guide, b['to'])}: {b['why']}"
            for k, b in enumerate(loops)
        )
        + "."
    )
    return _svg(ident, "The data science process as a loop", desc, width, height, body, "fg-loop")


def build_process_loop(ctx, category_id: str) -> str:
    guide = ctx.guide
    loops = [b for b in guide.data.get("process_loop", []) if guide.topic(b["from"])["category"] == category_id]
    items = "".join(
        f"<li>({'abcdefghijklmnopqrstuvwxyz'[k % 26]}) From <a href=\"{href(ctx.page, guide.page_of(guide.topic(b['from'])), b['from'])}\">"
        f"{plain(_topic_title(guide, b['from']))}</a> back to "
        f"<a href=\"{href(ctx.page, guide.page_of(guide.topic(b['to'])), b['to'])}\">{plain(_topic_title(guide, b['to']))}</a>: "
        f"{plain(b['why'])}</li>"
        for k, b in enumerate(loops)
    )
    caption = f"The ways back, in words:<ul>{items}</ul>" if items else ""
    return _figure(process_loop_svg(guide, category_id), caption)


# --- the research → development → production path ---------------------------------------------


def model_path_svg(guide: Guide, category_id: str, ident: str = "fg-model-path") -> str:
    envs = guide.topics_in(category_id)
    index = {t["id"]: i for i, t in enumerate(envs)}
    handoffs = [h for h in guide.data.get("handoffs", []) if h["from"] in index and h["to"] in index]
    forward = {index[h["from"]]: h for h in handoffs if index[h["to"]] == index[h["from"]] + 1}
    back = [h for h in handoffs if index[h["to"]] <= index[h["from"]]]
    box_x, box_w, box_h, line_h, width = 10, 300, 36, 16, 360
    body, y, box_tops = [], 8, []
    for i, env in enumerate(envs):
        box_tops.append(y)
        body.append(f'<rect class="fg-box" x="{box_x}" y="{y:g}" width="{box_w}" height="{box_h}" rx="6" fill="none" stroke="currentColor"/>')
        body.append(_text(box_x + box_w / 2, y + 23, env["title"], "fg-strong", "middle", 13))
        y += box_h
        if i in forward:
            h = forward[i]
            lines = _handoff_lines(h, 290)
            gap = 14 + line_h * len(lines) + 8
            body.append(_arrow([(box_x + 18, y + 1), (box_x + 18, y + gap - 1)]))
            for n, (text, cls) in enumerate(lines):
                body.append(_text(box_x + 34, y + 20 + line_h * n, text, cls, size=11))
            y += gap
        elif i < len(envs) - 1:
            body.append(_arrow([(box_x + 18, y + 1), (box_x + 18, y + 27)]))
            y += 28
    for k, h in enumerate(back):
        lines = _handoff_lines(h, 236)
        start_y = box_tops[index[h["from"]]] + box_h
        y += 6
        for n, (text, cls) in enumerate(lines):
            body.append(_text(box_x + 34, y + 14 + line_h * n, text, cls, size=11))
        bottom = y + 14 + line_h * (len(lines) - 1) + 8
        lane = box_x + box_w + 18 + 12 * k
        target = box_tops[index[h["to"]]] + box_h / 2
        down = box_x + box_w - 12
        body.append(_arrow([(down, start_y + 1), (down, bottom), (lane, bottom), (lane, target), (box_x + box_w + 1, target)], "fg-back"))
        y = bottom + 4
    height = y + 8
    desc = " ".join(
        f"{_topic_title(guide, h['from'])} to {_topic_title(guide, h['to'])} ({h['who']}) carries: " + "; ".join(h["carries"]) + "."
        for h in handoffs
    )
    return _svg(ident, "What travels with a model from research to production, and back", desc, width, height, body, "fg-path")


def _handoff_lines(handoff: dict, width: float) -> list[tuple[str, str]]:
    lines = [(line, "fg-strong") for line in _wrap(handoff["who"], 11, width)]
    for item in handoff["carries"]:
        wrapped = _wrap(item, 11, width - 12)
        lines.append(("• " + wrapped[0], ""))
        lines += [("  " + rest, "") for rest in wrapped[1:]]
    return lines


def build_model_path(ctx, category_id: str) -> str:
    guide = ctx.guide
    envs = {t["id"] for t in guide.topics_in(category_id)}
    items = "".join(
        f"<li><strong>{plain(_topic_title(guide, h['from']))} to {plain(_topic_title(guide, h['to']))}</strong> "
        f"({plain(h['who'])}): {plain('; '.join(h['carries']))}.</li>"
        for h in guide.data.get("handoffs", [])
        if h["from"] in envs and h["to"] in envs
    )
    caption = f"What travels at each hand-off, in words:<ul>{items}</ul>" if items else ""
    return _figure(model_path_svg(guide, category_id), caption)


# --- the stages as a table, and neighbouring roles' sections ------------------------------------


def build_lifecycle_stages(ctx, args: str = "") -> str:
    guide, cells = ctx.guide, _cells(ctx.guide)
    rows = []
    for stage in _require(guide, "lifecycle"):
        page, _, anchor = stage["section"].partition("#")
        leads = [r["name"] for r in all_roles(guide) if cells[stage["id"]][r["id"]]["level"] == "leads"]
        rows.append(
            f'<tr><th scope="row"><a href="{href(ctx.page, page, anchor)}">{plain(stage["title"])}</a></th>'
            f"<td>{plain(_topic_title(guide, stage['environment']))}</td>"
            f"<td>{plain(', '.join(leads) or 'Nobody')}</td><td>{plain(stage['passes_on'])}</td></tr>"
        )
    caption = "The stages of a model's life, who leads each, and what it passes on"
    return html_table(caption, ["Stage", "Environment", "Leads", "What passes on"], rows)


def build_neighbour(ctx, role_id: str) -> str:

    guide = ctx.guide
    role = next((r for r in guide.data.get("neighbouring_roles", []) if r["id"] == role_id), None)
    if role is None:
        known = ", ".join(r["id"] for r in guide.data.get("neighbouring_roles", []))
        raise UnknownName(f"unknown neighbouring role '{role_id}'; the data file has: {known}")
    heading = f"## {markdown_text(role['name'])} {{ #{role['id']} }}"
    if not role.get("sources"):
        return heading
    links = ", ".join(
        f'<a href="{href(ctx.page, SOURCES_PAGE, source_anchor(s))}">{plain(guide.source(s)["title"])}</a>' for s in role["sources"]
    )
    return f'{heading}\n\n<p class="fg-sources">Nearest references: {links}</p>'
