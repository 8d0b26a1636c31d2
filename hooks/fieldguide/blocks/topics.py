"""The comparisons: side-by-side tables, topic sections, role pages' links, the home page's glance, the sources.

Tables are HTML (a caption and header cells with ``scope`` for screen readers);
section headings are Markdown, so the engine sees their ids, lists them in the
table of contents and checks links to them.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.errors import MarkerError
from ..core.markup import facts, heading, joined, link, plain, rich, row, table
from ..core.pages import source_section
from .common import SHARED_BADGE, SHARED_NOTE, in_sentence, sources_note, topic_link
from .pay_tables import glance_row
from .registry import Context, marker


def _role_names(ctx: Context) -> list[Markup]:
    return [plain(role["name"]) for role in ctx.guide.roles]


def _topic_row(ctx: Context, topic: dict, label: Markup | None = None, summary: bool = False) -> Markup:
    """A topic as a table row; with summary, its few at-a-glance words instead of its full text."""
    also = Markup("<br><small>{}</small>").format(topic["also_called"]) if topic.get("also_called") else ""
    header = topic_link(ctx, topic["id"], label) + also + (SHARED_BADGE if topic.get("shared") else "")
    text = topic["glance"] if summary else topic["roles"]
    return row(header, [rich(text[role["id"]]) for role in ctx.guide.roles])


@marker("comparison", arg="CATEGORY")
def build_comparison(ctx: Context, category: dict) -> Markup:
    rows = [_topic_row(ctx, topic) for topic in ctx.guide.topics_in(category["id"])]
    caption = Markup("{}: the two roles side by side").format(category["title"])
    return table(caption, [category.get("row_label", "Topic"), *_role_names(ctx)], rows)


@marker("at-a-glance")
def build_at_a_glance(ctx: Context) -> Markup:
    rows = [
        _topic_row(ctx, topic, Markup("{} <small>({})</small>").format(
            topic["title"], ctx.guide.category(topic["category"])["title"]), summary=True)
        for topic in ctx.guide.topics
        if topic.get("glance")
    ]
    return table("The two roles at a glance", ["Topic", *_role_names(ctx)], [*rows, glance_row(ctx)])


@marker("topic", arg="TOPIC")
def build_topic(ctx: Context, topic: dict) -> Markup:
    if ctx.guide.page_of(topic) != ctx.page:
        raise MarkerError(f"topic '{topic['id']}' belongs on {ctx.guide.page_of(topic)}, its category's page")
    ctx.rendered_topics.append(topic["id"])
    body = []
    if topic.get("also_called"):
        body.append(Markup('<p class="fg-also">Also called: {}</p>').format(topic["also_called"]))
    if topic.get("shared"):
        body.append(SHARED_NOTE)
    # What each role does is said once, in the comparison table's row that links here.
    if topic.get("notes"):
        body.append(Markup("<p>{}</p>").format(rich(topic["notes"])))
    if topic.get("sources"):
        body.append(sources_note(ctx, topic["sources"]))
    return heading(2, topic["title"], topic["id"]) + Markup('\n\n<div class="fg-topic">\n{}\n</div>').format(
        Markup("\n").join(body))


@marker("topics", arg="CATEGORY")
def build_topics(ctx: Context, category: dict) -> Markup:
    return Markup("\n\n").join(build_topic(ctx, t) for t in ctx.guide.topics_in(category["id"]))


@marker("role", arg="ROLE CATEGORY")
def build_role(ctx: Context, role: dict, category: dict) -> Markup:
    """Links to a category's topics for a role page: the topic text itself lives in the comparison."""
    links = joined([topic_link(ctx, t["id"]) for t in ctx.guide.topics_in(category["id"])])
    comparison = link(ctx.href(category["page"]), Markup("{} comparison").format(category["title"].lower()))
    return Markup('<p class="fg-role-topics">What the {} does in each topic is set out beside the other role '
                  "in the {}: {}.</p>").format(in_sentence(role["name"]), comparison, links)


@marker("sources")
def build_sources(ctx: Context) -> Markup:
    return Markup("\n\n").join(_source_section(source) for source in ctx.guide.sources)


def _source_section(source: dict) -> Markup:
    items = [("Publisher", plain(source["publisher"])), ("Title", plain(source["title"]))]
    if source.get("url"):
        items.append(("Address", link(source["url"], source["url"])))
    items += [("Reference period", plain(source["period"])), ("Read on", plain(source["read"]))]
    if source.get("note"):
        items.append(("Note", rich(source["note"])))
    title = f"{source['publisher']}: {source['title']}"
    return heading(2, title, source_section(source["id"]).anchor) + Markup("\n\n") + facts(items, "fg-source")
