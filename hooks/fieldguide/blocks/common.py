"""Pieces several kinds of block share: links to sources, topics and skills, the shared badge."""

from __future__ import annotations

from markupsafe import Markup

from ..core.markup import joined, link, plain
from ..core.pages import skill_section, source_section
from .registry import Context

SHARED_BADGE = Markup(' <span class="fg-shared">Shared</span>')
SHARED_NOTE = Markup('<p class="fg-shared-note"><span class="fg-shared">Shared</span> Both roles need this.</p>')


def source_link(ctx: Context, source_id: str, label: str = "", with_publisher: bool = False) -> Markup:
    """A link to a source's section on the sources page, labelled with its title unless told otherwise."""
    source = ctx.guide.source(source_id)
    text = label or (f"{source['publisher']}: {source['title']}" if with_publisher else source["title"])
    return ctx.link(source_section(source_id), plain(text))


def sources_note(ctx: Context, source_ids: list[str], lead: str = "Sources", end: str = "",
                 with_publisher: bool = False, labels: dict[str, str] | None = None) -> Markup:
    """"Sources: A, B" under a block, each linking to the sources page; `labels` gives some a shorter name."""
    labels = labels or {}
    links = joined([source_link(ctx, s, labels.get(s, ""), with_publisher=with_publisher) for s in source_ids])
    return Markup('<p class="fg-sources">{}: {}{}</p>').format(lead, links, end)


def topic_link(ctx: Context, topic_id: str, label: object = None) -> Markup:
    """A link to a topic's section on its category's page."""
    topic = ctx.guide.topic(topic_id)
    return link(ctx.href(ctx.guide.page_of(topic), topic_id), plain(topic["title"]) if label is None else label)


def skill_link(ctx: Context, skill: dict) -> Markup:
    return ctx.link(skill_section(skill["id"]), plain(skill["title"]))


def in_sentence(name: str) -> str:
    """A name as written inside a sentence: "Data scientist" -> "data scientist". A name that starts
    with an acronym keeps it: "ML engineer", "AI engineer", "MLOps or platform engineer"."""
    first = name.split(" ", 1)[0]
    if first[:2].isupper() or not first[:1].isupper():
        return name
    return name[:1].lower() + name[1:]


def fitted(table_html: Markup, css_class: str = "") -> Markup:
    """A wide table in a box the stylesheet tightens, so it fits a desktop column without scrolling.
    The table itself keeps no class, so the theme still gives it a scroll box on phones."""
    return Markup('<div class="{}">\n{}\n</div>').format(f"fg-fit {css_class}".strip(), table_html)


def labelled(column: str, value: Markup) -> Markup:
    """A cell's value after its column's name: the stylesheet shows the name only on phones, where a
    `.fg-matrix` table becomes one card per row and the column heads are out of sight."""
    return Markup('<span class="fg-cell-role">{}: </span>{}').format(column, value)
