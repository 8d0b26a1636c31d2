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
from dataclasses import dataclass

from markupsafe import Markup

from ..core import svg
from ..core.markup import plain
from ..model.guide import Guide
from .common import topic_link
from .loop_routes import BADGE_RADIUS, Route, badge_y, place_ports, route_ways_back
from .registry import Context, marker

# --- shared by every diagram of a model's life (ownership_drawings.py draws with these too) ------

BOX_CORNER = 6
ARROW_INSET = 1  # arrows stop this short of the box they point at
# A phone's content column is 328 px wide (360 px screen): a drawing this wide shows there at 1:1,
# so no label is smaller than its font size, 11 px or more.
PHONE_WIDTH = 328


def diagram(ident: str, title: str, desc: str, width: float, height: float, body: list[Markup], css_class: str) -> Markup:
    """An accessible inline SVG in the diagrams' own class."""
    return svg.root(ident, width, height, title, desc, body, f"fg-diagram {css_class}")


def figure(drawing: Markup, caption: Markup | None = None) -> Markup:
    """A drawing with its caption; one line per element and no blank lines, so Markdown keeps it as raw HTML."""
    shown = Markup("<figcaption>{}</figcaption>").format(caption) if caption else Markup("")
    return Markup('<figure class="fg-figure">\n{}\n{}\n</figure>').format(drawing, shown)


def switched_figure(wide: Markup, narrow: Markup, caption: Markup, css_class: str = "") -> Markup:
    """A wide drawing for large screens and a narrow one for phones (extra.css shows one), with one caption."""
    return Markup('<figure class="fg-figure fg-switch{}">\n<div class="fg-wide">{}</div>\n<div class="fg-narrow">{}</div>\n'
                  '<figcaption>{}</figcaption>\n</figure>').format(f" {css_class}" if css_class else "", wide, narrow, caption)


def box(x: float, y: float, width: float, height: float) -> Markup:
    return svg.rect(x, y, width, height, "fg-box", rx=BOX_CORNER, fill="none", stroke="currentColor")


# --- the process loop ---------------------------------------------------------------------------

LOOP_TITLE = "The data science process as a loop"
LOOP_WIDTH = PHONE_WIDTH  # wider only when the boxes need it
LOOP_MARGIN = 8  # above the first stage and below the last
BOX_MIN_WIDTH = 180
BOX_GAP = 26  # between two stages: the forward arrow
BOX_PADDING = 10  # each side of a stage's words
STAGE_SIZE, STAGE_LINE, STAGE_BASELINE = 13, 16, 20  # a stage's title: size, line height, first baseline
ALSO_SIZE, ALSO_LINE = 11.5, 14  # the stage's other names, under its title
BOX_BOTTOM = 10  # from the last baseline to the box's bottom edge
LANE_OFFSET = 16  # from the boxes' edge to the first way back's lane
LANE_STEP = 24  # between the lanes of two ways back
BADGE_SIZE, BADGE_BASELINE = 11.5, 4  # a way back's letter, in its badge
SIDE_MARGIN = BADGE_RADIUS + 3  # beyond the outermost lane
BARE_SIDE = 2  # a side with no lane: room for the boxes' outline


def lettered_ways_back(guide: Guide, category_id: str) -> list[tuple[str, dict]]:
    """The category's ways back with their letters: the drawing, its <desc> and the caption all use this one list."""
    return [(string.ascii_lowercase[k % len(string.ascii_lowercase)], way)
            for k, way in enumerate(guide.ways_back(category_id))]


@dataclass
class StageBox:
    """A stage as drawn: its box, and its title and other names wrapped to it."""

    top: float
    height: float
    title: list[str]
    also: list[str]

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


def _side_width(routes: list[Route], side: int) -> float:
    lanes = [r.lane for r in routes if r.side == side]
    return LANE_OFFSET + LANE_STEP * max(lanes) + SIDE_MARGIN if lanes else BARE_SIDE


def _stage_boxes(stages: list[dict], text_width: float) -> list[StageBox]:
    """Each stage's title and other names wrapped to the box, and the box's height."""
    boxes, top = [], LOOP_MARGIN
    for i, stage in enumerate(stages):
        title = svg.wrap(f"{i + 1}. {stage['title']}", STAGE_SIZE, text_width / svg.BOLD_WIDTH)
        also = svg.wrap(stage.get("also_called", ""), ALSO_SIZE, text_width)
        height = STAGE_BASELINE + STAGE_LINE * (len(title) - 1) + ALSO_LINE * len(also) + BOX_BOTTOM
        boxes.append(StageBox(top, height, title, also))
        top += height + BOX_GAP
    return boxes


def _stage_words(stage: StageBox, x: float) -> list[Markup]:
    lines = [(line, "fg-strong", STAGE_SIZE) for line in stage.title] + [(line, "fg-soft", ALSO_SIZE) for line in stage.also]
    baselines = [stage.top + STAGE_BASELINE + STAGE_LINE * n for n in range(len(stage.title))]
    baselines += [baselines[-1] + ALSO_LINE * (n + 1) for n in range(len(stage.also))]
    return [svg.text(x, y, line, css_class, size=size) for y, (line, css_class, size) in zip(baselines, lines)]


def _way_back(route: Route, routes: list[Route], left: float, right: float) -> list[Markup]:
    """A way back as a dashed arrow from the stage it leaves to the stage it returns to, lettered on its lane."""
    edge = right if route.side == 1 else left
    lane = edge + route.side * (LANE_OFFSET + LANE_STEP * route.lane)
    middle = badge_y(route, routes)
    return [
        svg.arrow([(edge, route.leave), (lane, route.leave), (lane, route.arrive),
                   (edge + route.side * ARROW_INSET, route.arrive)], "fg-back"),
        svg.circle(lane, middle, BADGE_RADIUS, "fg-badge"),
        svg.text(lane, middle + BADGE_BASELINE, route.letter, "fg-on-badge", "middle", BADGE_SIZE),
    ]


def process_loop_svg(guide: Guide, category_id: str, ident: str = "fg-process-loop") -> Markup:
    stages = guide.topics_in(category_id)
    ways = lettered_ways_back(guide, category_id)
    routes = route_ways_back(ways, {t["id"]: i for i, t in enumerate(stages)})
    left = _side_width(routes, -1)
    box_width = max(BOX_MIN_WIDTH, LOOP_WIDTH - left - _side_width(routes, 1))
    boxes = _stage_boxes(stages, box_width - 2 * BOX_PADDING)
    place_ports(routes, [b.middle for b in boxes])
    right = left + box_width
    body = []
    for i, stage in enumerate(boxes):
        body += [box(left, stage.top, box_width, stage.height), *_stage_words(stage, left + BOX_PADDING)]
        if i:
            above = boxes[i - 1].top + boxes[i - 1].height
            body.append(svg.arrow([(left + box_width / 2, above + ARROW_INSET), (left + box_width / 2, stage.top - ARROW_INSET)]))
    for route in routes:
        body += _way_back(route, routes, left, right)
    desc = (f"The {len(stages)} stages in order: " + ", ".join(t["title"] for t in stages) + ". Ways back: "
            + "; ".join(f"({letter}) from {_title(guide, way['from'])} to {_title(guide, way['to'])}: {way['why'].rstrip('.')}"
                        for letter, way in ways) + ".")
    height = boxes[-1].top + boxes[-1].height + LOOP_MARGIN
    return diagram(ident, LOOP_TITLE, desc, right + _side_width(routes, 1), height, body, "fg-loop")


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
PATH_WIDTH = PHONE_WIDTH
PATH_MARGIN = 8  # above the first environment and below the last way back
ENV_LEFT, ENV_WIDTH, ENV_HEIGHT = 6, 290, 36
ENV_SIZE, ENV_BASELINE = 13, 23
SPINE = 18  # the forward arrows run down this far in from the boxes' left edge
NOTE_INDENT = 30  # a hand-off's words start this far in from the boxes' left edge
NOTE_SIZE, NOTE_LINE = 11.5, 16
NOTE_WIDTH = 284  # a forward hand-off's words; a way back's are narrower, beside its lane
BACK_NOTE_WIDTH = 252
BULLET_INDENT = 12  # what a carried item's wrapped lines give up to its bullet
NOTE_TOP = 20  # from the top of a hand-off's space to its words' first baseline
FORWARD_BELOW = 18  # from a forward hand-off's last baseline to the next box
PLAIN_GAP = 28  # between two environments with no hand-off to describe
BACK_BELOW, BACK_AFTER = 8, 4  # from a way back's last baseline to its arrow; below the arrow
BACK_DROP = 12  # a way back leaves the box this far in from its right edge
BACK_LANE_OFFSET, BACK_LANE_STEP = 16, 12  # from the boxes' right edge; between two ways back


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
    width = max(PATH_WIDTH, box_right + BACK_LANE_OFFSET + BACK_LANE_STEP * len(back))  # room for every lane
    return diagram(ident, PATH_TITLE, desc, width, y + PATH_MARGIN, body, "fg-path")


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
