"""One ``build_*`` function per generated block, and the marker expander that calls them.

A page asks for a block with an HTML comment on a line of its own, such as
``<!-- comparison: expertise -->``: unbuilt, the Markdown still reads well.
Tables are HTML (a caption and header cells with ``scope`` for screen readers);
section headings are Markdown, so MkDocs sees their ids, lists them in the
table of contents and checks links to them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import pay
from .anchors import Anchor
from .guide import SOURCES_PAGE, Guide, UnknownName, source_anchor
from .text import href, html_table, markdown_text, page_url, plain, rich
from . import lifecycle

MARKER = re.compile(r"^<!--\s*(?P<name>[a-z][a-z-]*)\s*(?::(?P<args>[^>]*?))?\s*-->[ \t]*$", re.MULTILINE)

DOWNLOADS_DIR = "downloads"
SALARY_PAGE = "compare/salary.md"
ARCHIVE_NAME = "ds-vs-mle-field-guide.zip"


class MarkerError(ValueError):
    """A page's marker cannot be rendered; the message names the page."""


@dataclass
class Context:
    """What a block may need besides the data: where it is, and the site-wide extras."""

    guide: Guide
    page: str
    anchors: list[Anchor] = field(default_factory=list)
    site_url: str = ""
    rendered_topics: list[str] = field(default_factory=list)


# --- tables -------------------------------------------------------------------


def _role_names(guide: Guide) -> list[str]:
    return [plain(role["name"]) for role in guide.roles]


def _topic_row(ctx: Context, topic: dict, label: str | None = None, summary: bool = False) -> str:
    """A topic as a table row; with summary, its few at-a-glance words instead of its full text."""
    link = href(ctx.page, ctx.guide.page_of(topic), topic["id"])
    shared = ' <span class="fg-shared">Shared</span>' if topic.get("shared") else ""
    label = label or plain(topic["title"])
    also = f'<br><small>{plain(topic["also_called"])}</small>' if topic.get("also_called") else ""
    text = topic["glance"] if summary else topic["roles"]
    cells = "".join(f"<td>{rich(text[role['id']])}</td>" for role in ctx.guide.roles)
    return f'<tr><th scope="row"><a href="{link}">{label}</a>{also}{shared}</th>{cells}</tr>'


def build_comparison(ctx: Context, category_id: str) -> str:
    category = ctx.guide.category(category_id)
    rows = [_topic_row(ctx, topic) for topic in ctx.guide.topics_in(category_id)]
    caption = f"{plain(category['title'])}: the two roles side by side"
    return html_table(caption, [plain(category.get("row_label", "Topic")), *_role_names(ctx.guide)], rows)


def build_at_a_glance(ctx: Context, args: str = "") -> str:
    rows = [
        _topic_row(ctx, topic, f"{plain(topic['title'])} <small>({plain(ctx.guide.category(topic['category'])['title'])})</small>", True)
        for topic in ctx.guide.topics
        if topic.get("glance")
    ]
    rows.append(pay.glance_row(ctx))
    return html_table("The two roles at a glance", ["Topic", *_role_names(ctx.guide)], rows)


# --- topic sections -------------------------------------------------------------


def build_topic(ctx: Context, topic_id: str) -> str:
    topic = ctx.guide.topic(topic_id)
    if ctx.guide.page_of(topic) != ctx.page:
        raise MarkerError(f"topic '{topic_id}' belongs on {ctx.guide.page_of(topic)}, its category's page")
    ctx.rendered_topics.append(topic_id)
    body = []
    if topic.get("also_called"):
        body.append(f'<p class="fg-also">Also called: {plain(topic["also_called"])}</p>')
    if topic.get("shared"):
        body.append('<p class="fg-shared-note"><span class="fg-shared">Shared</span> Both roles need this.</p>')
    # What each role does is said once, in the comparison table's row that links here.
    if topic.get("notes"):
        body.append(f"<p>{rich(topic['notes'])}</p>")
    if topic.get("sources"):
        body.append(_source_links(ctx, topic["sources"]))
    heading = f"## {markdown_text(topic['title'])} {{ #{topic['id']} }}"
    return heading + "\n\n" + '<div class="fg-topic">\n' + "\n".join(body) + "\n</div>"


def build_topics(ctx: Context, category_id: str) -> str:
    return "\n\n".join(build_topic(ctx, t["id"]) for t in ctx.guide.topics_in(category_id))


def _source_links(ctx: Context, source_ids: list[str]) -> str:
    links = ", ".join(
        f'<a href="{href(ctx.page, SOURCES_PAGE, source_anchor(s))}">{plain(ctx.guide.source(s)["title"])}</a>'
        for s in source_ids
    )
    return f'<p class="fg-sources">Sources: {links}</p>'


def build_role(ctx: Context, args: str) -> str:
    """Links to a category's topics for a role page: the topic text itself lives in the comparison."""
    role_id, category_id = _two_args(args, "role: ROLE CATEGORY")
    role, category = ctx.guide.role(role_id), ctx.guide.category(category_id)
    links = ", ".join(
        f'<a href="{href(ctx.page, ctx.guide.page_of(t), t["id"])}">{plain(t["title"])}</a>'
        for t in ctx.guide.topics_in(category_id)
    )
    where = href(ctx.page, category["page"])
    return (
        f'<p class="fg-role-topics">What the {plain(role["name"]).lower()} does in each topic is set out beside the other role '
        f'in the <a href="{where}">{plain(category["title"]).lower()} comparison</a>: {links}.</p>'
    )


# --- sources (pay figures: pay.py) ------------------------------------------------


def build_sources(ctx: Context, args: str = "") -> str:
    return "\n\n".join(_source_section(source) for source in ctx.guide.sources)


def _source_section(source: dict) -> str:
    heading = f"## {markdown_text(source['publisher'] + ': ' + source['title'])} {{ #{source_anchor(source['id'])} }}"
    facts = [("Publisher", plain(source["publisher"])), ("Title", plain(source["title"]))]
    if source.get("url"):
        facts.append(("Address", f'<a href="{plain(source["url"])}">{plain(source["url"])}</a>'))
    facts += [("Reference period", plain(source["period"])), ("Read on", plain(source["read"]))]
    if source.get("note"):
        facts.append(("Note", rich(source["note"])))
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    return f'{heading}\n\n<dl class="fg-source">{items}</dl>'


# --- stable links and downloads ----------------------------------------------------------


def build_links(ctx: Context, args: str = "") -> str:
    """The index of stable links, from the anchor contract (aliases left out)."""
    titles = {a.page: a.title for a in ctx.anchors if not a.anchor}
    from .finish import reading_order  # finish imports this module

    order = {page_url(page): i for i, (_, page) in enumerate(reading_order())}
    # Menu order: pages as the navigation lists them, sections in the contract's order.
    anchors = sorted(ctx.anchors, key=lambda a: order.get(a.page, len(order)))
    rows = []
    for anchor in anchors:
        if anchor.is_alias:
            continue
        link = href(ctx.page, anchor.page, anchor.anchor or None)
        section = plain(anchor.title) if anchor.anchor else "<em>whole page</em>"
        full = plain(ctx.site_url + anchor.target)
        rows.append(
            f'<tr><th scope="row">{plain(titles.get(anchor.page, anchor.page))}</th>'
            f'<td><a href="{link}">{section}</a></td><td><code>{full}</code></td></tr>'
        )
    table = html_table("Every stable link on the site", ["Page", "Section", "Link to copy"], rows)
    return f'<div class="fg-links">\n{table}\n</div>'


def build_downloads(ctx: Context, args: str = "") -> str:
    """All downloads, or with `archive` only the offline copy (a page that links data
    files would send offline readers following its links into downloads)."""
    if args not in {"", "archive"}:
        raise MarkerError("expected <!-- downloads --> or <!-- downloads: archive -->")
    items = [(f"{DOWNLOADS_DIR}/{ARCHIVE_NAME}", "The whole site for offline reading, search included (.zip)")]
    if args == "archive":
        return _download_list(ctx, [(items[0][0], "Download the guide as one .zip file")])
    items.append((f"{DOWNLOADS_DIR}/roles.json", "All comparison data, sources and salary figures (JSON)"))
    items += [
        (f"{DOWNLOADS_DIR}/{c['id']}.csv", f"{plain(c['title'])} comparison (CSV)") for c in ctx.guide.categories
    ]
    items.append((f"{DOWNLOADS_DIR}/salary-figures.csv", "Pay figures with their periods, sources and the files they were read from (CSV)"))
    items.append((f"{DOWNLOADS_DIR}/{pay.EXTRACT_NAME}", "The verified extract the pay figures are checked against (CSV)"))
    if ctx.guide.data.get("ownership"):
        items.append((f"{DOWNLOADS_DIR}/ownership.csv", "Who owns each stage of a model's life (CSV)"))
    return _download_list(ctx, items)


def _download_list(ctx: Context, items: list[tuple[str, str]]) -> str:
    links = "\n".join(f'<li><a href="{href(ctx.page, path)}" download>{label}</a></li>' for path, label in items)
    return f'<ul class="fg-downloads">\n{links}\n</ul>'


WHOLE_GUIDE_PLACEHOLDER = '<div class="fg-whole-guide"></div>'


def build_whole_guide(ctx: Context, args: str = "") -> str:
    """A placeholder: the other pages are filled in once they are all rendered (see whole.py)."""
    return WHOLE_GUIDE_PLACEHOLDER


# --- markers ---------------------------------------------------------------------------------

from . import skills  # noqa: E402  (its builders use the helpers above)

BUILDERS = {
    "comparison": build_comparison,
    "topics": build_topics,
    "topic": build_topic,
    "role": build_role,
    "at-a-glance": build_at_a_glance,
    "salary": pay.build_salary,
    "outlook": pay.build_outlook,
    "pay-spread": pay.build_pay_spread,
    "pay-trend": pay.build_pay_trend,
    "pay-survey": pay.build_pay_survey,
    "pay-chart": pay.build_pay_chart,
    "pay-abroad": pay.build_pay_abroad,
    "sources": build_sources,
    "links": build_links,
    "downloads": build_downloads,
    "whole-guide": build_whole_guide,
    "ownership-matrix": lifecycle.build_ownership_matrix,
    "ownership-map": lifecycle.build_ownership_map,
    "two-roles": lifecycle.build_two_roles,
    "process-loop": lifecycle.build_process_loop,
    "model-path": lifecycle.build_model_path,
    "lifecycle-stages": lifecycle.build_lifecycle_stages,
    "neighbour": lifecycle.build_neighbour,
    "skills-roadmap": skills.build_skills_roadmap,
    "skills": skills.build_skills,
    "levels": skills.build_levels,
    "job-description": skills.build_job_description,
    "interview-signals": skills.build_interview_signals,
    "signals": skills.build_signals,
    "posting-reader": skills.build_posting_reader,
    "self-assessment": skills.build_self_assessment,
}
_NEEDS_ARGUMENT = {"comparison", "topics", "topic", "role", "process-loop", "model-path", "neighbour"}


def expand(markdown: str, ctx: Context) -> str:
    """Replace every marker in a page; raise MarkerError naming the page for a bad one."""

    def replace(match: re.Match) -> str:
        name, args = match["name"], (match["args"] or "").strip()
        try:
            # Blank lines around the block: Markdown takes raw HTML only as a block of its own.
            return "\n" + _build(name, args, ctx) + "\n"
        except (MarkerError, UnknownName, lifecycle.LifecycleError) as error:
            raise MarkerError(f"{ctx.page}: marker '{match.group(0).strip()}': {error}") from None

    def replace_inline(match: re.Match) -> str:
        try:
            return pay.inline_figure(ctx, match["id"], match["key"])
        except (MarkerError, UnknownName) as error:
            raise MarkerError(f"{ctx.page}: figure '{match.group(0)}': {error}") from None

    # Inline figures first: one alone on a line must not be read as a block marker.
    markdown = pay.INLINE.sub(replace_inline, markdown)
    return MARKER.sub(replace, markdown)


def has_markers(markdown: str) -> bool:
    """Whether a page asks for anything generated: a block marker or an inline figure."""
    return bool(MARKER.search(markdown) or pay.INLINE.search(markdown))


def _build(name: str, args: str, ctx: Context) -> str:
    if name not in BUILDERS:
        raise MarkerError(f"unknown marker; expected one of: {', '.join(BUILDERS)}")
    if name in _NEEDS_ARGUMENT and not args:
        raise MarkerError(f"'{name}' needs an argument, as in <!-- {name}: ... -->")
    return BUILDERS[name](ctx, args)


def misplaced_topics(guide: Guide, rendered: list[str]) -> list[str]:
    """Topics without exactly one section after every page is expanded: each is a broken link."""
    counts = Counter(rendered)
    return [
        f"{guide.page_of(t)}: topic '{t['id']}' must have exactly one section there, found {counts[t['id']]}"
        for t in guide.topics
        if counts[t["id"]] != 1
    ]


def _two_args(args: str, usage: str) -> tuple[str, str]:
    parts = args.split()
    if len(parts) != 2:
        raise MarkerError(f"expected <!-- {usage} -->")
    return parts[0], parts[1]
