"""A category's topics drawn as a diagram: the data science process as a loop, a model's path between environments.

Reads the data file's ``process_loop`` and ``handoffs`` (see data/README.md). Renders:

- ``<!-- process-loop: CATEGORY -->``: the category's topics as stages in order, with the ways back;
- ``<!-- model-path: CATEGORY -->``: the category's environments, with what travels between them.

Diagrams are inline SVG (core/svg.py): no script, nothing fetched, colours from the
theme through class names (docs/assets/extra.css). Each comes with its text alternative:
a <desc> in the drawing and a caption in words beside it.
"""

from __future__ import annotations

import string

from markupsafe import Markup

from ..core import svg
from ..core.markup import plain
from ..model.guide import Guide
from .common import topic_link
from .registry import Context, marker

# --- shared by every diagram of a model's life (ownership.py draws with these too) ---------------

BOX_CORNER = 6
ARROW_INSET = 1  # arrows stop this short of the box they point at


def diagram(ident: str, title: str, desc: str, width: float, height: float, body: list[Markup], css_class: str) -> Markup:
    """An accessible inline SVG in the diagrams' own class."""
    return svg.root(ident, width, height, title, desc, body, f"fg-diagram {css_class}")


def figure(drawing: Markup, caption: Markup | None = None) -> Markup:
    """A drawing with its caption; one line per element and no blank lines, so Markdown keeps it as raw HTML."""
    shown = Markup("<figcaption>{}</figcaption>").format(caption) if caption else Markup("")
    return Markup('<figure class="fg-figure">\n{}\n{}\n</figure>').format(drawing, shown)


def box(x: float, y: float, width: float, height: float) -> Markup:
    return svg.rect(x, y, width, height, "fg-box", rx=BOX_CORNER, fill="none", stroke="currentColor")


# --- the process loop ---------------------------------------------------------------------------

LOOP_TITLE = "The data science process as a loop"
LOOP_MARGIN = 8  # above the first stage and below the last
BOX_LEFT = 10
BOX_HEIGHT = 46
BOX_GAP = 26  # between two stages: the forward arrow
BOX_MIN_WIDTH = 236
BOX_PADDING = 10  # each side of a stage's title
STAGE_SIZE, STAGE_BASELINE = 12.5, 19
ALSO_SIZE, ALSO_BASELINE = 10.5, 36  # the stage's other names, under its title
LANE_OFFSET = 18  # from the boxes' right edge to the first way back's lane
LANE_STEP = 24  # between the lanes of two ways back
LANE_MARGIN = 12  # right of the last lane
BACK_OFFSET = 6  # a way back leaves below a stage's middle and arrives above it
BADGE_RADIUS, BADGE_SIZE, BADGE_BASELINE = 8, 11, 4


def lettered_ways_back(guide: Guide, category_id: str) -> list[tuple[str, dict]]:
    """The category's ways back with their letters: the drawing, its <desc> and the caption all use this one list."""
    return [(string.ascii_lowercase[k % len(string.ascii_lowercase)], way)
            for k, way in enumerate(guide.ways_back(category_id))]


def process_loop_svg(guide: Guide, category_id: str, ident: str = "fg-process-loop") -> Markup:
    stages = guide.topics_in(category_id)
    position = {t["id"]: i for i, t in enumerate(stages)}
    ways = lettered_ways_back(guide, category_id)
    titles = [f"{i + 1}. {t['title']}" for i, t in enumerate(stages)]
    box_w = max([BOX_MIN_WIDTH] + [svg.text_width(title, STAGE_SIZE, bold=True) + 2 * BOX_PADDING for title in titles])
    right = BOX_LEFT + box_w
    first_lane = right + LANE_OFFSET
    width = first_lane + LANE_STEP * max(len(ways), 1) + LANE_MARGIN
    height = LOOP_MARGIN + len(stages) * BOX_HEIGHT + (len(stages) - 1) * BOX_GAP + LOOP_MARGIN
    body, middles = [], []
    for i, (stage, title) in enumerate(zip(stages, titles)):
        y = LOOP_MARGIN + i * (BOX_HEIGHT + BOX_GAP)
        middles.append(y + BOX_HEIGHT / 2)
        body.append(box(BOX_LEFT, y, box_w, BOX_HEIGHT))
        body.append(svg.text(BOX_LEFT + BOX_PADDING, y + STAGE_BASELINE, title, "fg-strong", size=STAGE_SIZE))
        if stage.get("also_called"):
            body.append(svg.text(BOX_LEFT + BOX_PADDING, y + ALSO_BASELINE, stage["also_called"], "fg-soft", size=ALSO_SIZE))
        if i:
            x = BOX_LEFT + box_w / 2
            body.append(svg.arrow([(x, y - BOX_GAP + ARROW_INSET), (x, y - ARROW_INSET)]))
    for k, (letter, way) in enumerate(ways):
        start, end = middles[position[way["from"]]] + BACK_OFFSET, middles[position[way["to"]]] - BACK_OFFSET
        lane, middle = first_lane + LANE_STEP * k, (start + end) / 2
        body.append(svg.arrow([(right, start), (lane, start), (lane, end), (right + ARROW_INSET, end)], "fg-back"))
        body.append(svg.circle(lane, middle, BADGE_RADIUS, "fg-badge"))
        body.append(svg.text(lane, middle + BADGE_BASELINE, letter, "fg-on-badge", "middle", BADGE_SIZE))
    desc = (f"The {len(stages)} stages in order: " + ", ".join(t["title"] for t in stages) + ". Ways back: "
            + "; ".join(f"({letter}) from {_title(guide, way['from'])} to {_title(guide, way['to'])}: {way['why']}"
                        for letter, way in ways) + ".")
    return diagram(ident, LOOP_TITLE, desc, width, height, body, "fg-loop")


@marker("process-loop", arg="CATEGORY")
def build_process_loop(ctx: Context, category: dict) -> Markup:
    items = [Markup("<li>({}) From {} back to {}: {}</li>").format(
        letter, topic_link(ctx, way["from"]), topic_link(ctx, way["to"]), plain(way["why"]))
        for letter, way in lettered_ways_back(ctx.guide, category["id"])]
    caption = Markup("The ways back, in words:<ul>{}</ul>").format(Markup("").join(items)) if items else None
    return figure(process_loop_svg(ctx.guide, category["id"]), caption)


def _title(guide: Guide, topic_id: str) -> str:
    return guide.topic(topic_id)["title"]


# --- the research → development → production path ---------------------------------------------

PATH_TITLE = "What travels with a model from research to production, and back"
PATH_WIDTH = 360
PATH_MARGIN = 8  # above the first environment and below the last way back
ENV_LEFT, ENV_WIDTH, ENV_HEIGHT = 10, 300, 36
ENV_SIZE, ENV_BASELINE = 13, 23
SPINE = 18  # the forward arrows run down this far in from the boxes' left edge
NOTE_INDENT = 34  # a hand-off's words start this far in from the boxes' left edge
NOTE_SIZE, NOTE_LINE = 11, 16
NOTE_WIDTH = 290  # a forward hand-off's words; a way back's are narrower, beside its lane
BACK_NOTE_WIDTH = 236
BULLET_INDENT = 12  # what a carried item's wrapped lines give up to its bullet
NOTE_TOP = 20  # from the top of a hand-off's space to its words' first baseline
FORWARD_BELOW = 18  # from a forward hand-off's last baseline to the next box
PLAIN_GAP = 28  # between two environments with no hand-off to describe
BACK_BELOW, BACK_AFTER = 8, 4  # from a way back's last baseline to its arrow; below the arrow
BACK_DROP = 12  # a way back leaves the box this far in from its right edge
BACK_LANE_OFFSET, BACK_LANE_STEP = 18, 12  # from the boxes' right edge; between two ways back


def model_path_svg(guide: Guide, category_id: str, ident: str = "fg-model-path") -> Markup:
    envs = guide.topics_in(category_id)
    position = {t["id"]: i for i, t in enumerate(envs)}
    handoffs = guide.handoffs_in(category_id)
    forward = {position[h["from"]]: h for h in handoffs if position[h["to"]] == position[h["from"]] + 1}
    back = [h for h in handoffs if position[h["to"]] <= position[h["from"]]]
    spine, notes_x, box_right = ENV_LEFT + SPINE, ENV_LEFT + NOTE_INDENT, ENV_LEFT + ENV_WIDTH
    body, y, box_tops = [], PATH_MARGIN, []
    for i, env in enumerate(envs):
        box_tops.append(y)
        body.append(box(ENV_LEFT, y, ENV_WIDTH, ENV_HEIGHT))
        body.append(svg.text(ENV_LEFT + ENV_WIDTH / 2, y + ENV_BASELINE, env["title"], "fg-strong", "middle", ENV_SIZE))
        y += ENV_HEIGHT
        if i in forward:
            words, last = _note(forward[i], NOTE_WIDTH, notes_x, y)
            end = last + FORWARD_BELOW
            body += [svg.arrow([(spine, y + ARROW_INSET), (spine, end - ARROW_INSET)]), *words]
            y = end
        elif i < len(envs) - 1:
            body.append(svg.arrow([(spine, y + ARROW_INSET), (spine, y + PLAIN_GAP - ARROW_INSET)]))
            y += PLAIN_GAP
    for k, h in enumerate(back):
        words, last = _note(h, BACK_NOTE_WIDTH, notes_x, y)
        body += words
        bottom = last + BACK_BELOW
        lane = box_right + BACK_LANE_OFFSET + BACK_LANE_STEP * k
        target = box_tops[position[h["to"]]] + ENV_HEIGHT / 2
        down = box_right - BACK_DROP
        start = box_tops[position[h["from"]]] + ENV_HEIGHT
        body.append(svg.arrow([(down, start + ARROW_INSET), (down, bottom), (lane, bottom), (lane, target),
                               (box_right + ARROW_INSET, target)], "fg-back"))
        y = bottom + BACK_AFTER
    desc = " ".join(f"{_title(guide, h['from'])} to {_title(guide, h['to'])} ({h['who']}) carries: "
                    + "; ".join(h["carries"]) + "." for h in handoffs)
    return diagram(ident, PATH_TITLE, desc, PATH_WIDTH, y + PATH_MARGIN, body, "fg-path")


def _handoff_lines(handoff: dict, width: float) -> list[tuple[str, str]]:
    """A hand-off's words as (line, class): who, in bold, then each item carried as a bullet."""
    lines = [(line, "fg-strong") for line in svg.wrap(handoff["who"], NOTE_SIZE, width)]
    for item in handoff["carries"]:
        first, *rest = svg.wrap(item, NOTE_SIZE, width - BULLET_INDENT)
        lines += [("• " + first, ""), *((line, "") for line in rest)]
    return lines


def _note(handoff: dict, width: float, x: float, top: float) -> tuple[list[Markup], float]:
    """A hand-off's words in the space starting at top, and their last baseline."""
    lines = _handoff_lines(handoff, width)
    baselines = [top + NOTE_TOP + NOTE_LINE * n for n in range(len(lines))]
    return [svg.text(x, y, line, css_class, size=NOTE_SIZE) for y, (line, css_class) in zip(baselines, lines)], baselines[-1]


@marker("model-path", arg="CATEGORY")
def build_model_path(ctx: Context, category: dict) -> Markup:
    guide = ctx.guide
    items = [Markup("<li><strong>{} to {}</strong> ({}): {}.</li>").format(
        plain(_title(guide, h["from"])), plain(_title(guide, h["to"])), plain(h["who"]), plain("; ".join(h["carries"])))
        for h in guide.handoffs_in(category["id"])]
    caption = Markup("What travels at each hand-off, in words:<ul>{}</ul>").format(Markup("").join(items)) if items else None
    return figure(model_path_svg(guide, category["id"]), caption)
