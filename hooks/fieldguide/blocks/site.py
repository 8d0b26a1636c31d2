"""Blocks about the site itself: the index of stable links, the downloads, the print pages' placeholders."""

from __future__ import annotations

from markupsafe import Markup

from ..core.markup import heading, link, page_url, plain
from ..core.menu import reading_order, section_keys
from ..core.pages import ARCHIVE_NAME, DOWNLOADS_DIR
from ..model.areas import AREAS_JSON, AREAS_NAME
from ..model.extract import EXTRACT_NAME
from .registry import Context, marker

AREA_DOWNLOADS = [
    (f"{DOWNLOADS_DIR}/{AREAS_NAME}", "Pay by state and every metro area, each figure with its BLS series id and package (CSV)"),
    (f"{DOWNLOADS_DIR}/{AREAS_JSON}", "The same state and metro area figures (JSON)"),
]

ARCHIVE = f"{DOWNLOADS_DIR}/{ARCHIVE_NAME}"

# The print pages are filled in once every page is rendered (publish/printing.py): each part with the
# pages of the menu sections it names, and the print page with the list of parts.
WHOLE_GUIDE_PLACEHOLDER = Markup('<div class="fg-whole-guide" data-menu="{}"></div>')
PRINT_PARTS_PLACEHOLDER = Markup('<div class="fg-print-parts"></div>')


# The links index: one group per page, in menu order, each under a heading of its own. The print
# page leaves out what lies between the comments: on paper it is a long list of addresses.
LINKS_INDEX = (Markup("<!-- index of stable links -->"), Markup("<!-- /index of stable links -->"))
_GROUP_PREFIX = "page-"


def group_id(page: str) -> str:
    """The links page's section for a page: "roles/data-scientist.html" -> "page-roles-data-scientist"."""
    return _GROUP_PREFIX + page_url(page).removesuffix(".html").replace("/", "-")


@marker("links")
def build_links(ctx: Context) -> Markup:
    """The index of stable links, from the anchor contract (aliases left out): a contents list, then
    one group per page in menu order, each link with its address. copy-link.js adds a button that
    copies the whole address. Search leaves the groups out: their titles are found on their pages."""
    groups = _groups(ctx)
    ids = {group_id(page) for page, _, _ in groups}
    # This page's own sections are the groups: the contents list links them.
    groups = [(page, title, [a for a in rows if a.page != page_url(ctx.page) or a.anchor not in ids])
              for page, title, rows in groups]
    base = Markup('<p class="fg-links-base">Every address below starts with <code>{}</code>. '
                  "Each Copy button copies the whole address.</p>").format(ctx.site_url)
    parts = [LINKS_INDEX[0], _contents(ctx, groups), *([base] if ctx.site_url else [])]
    parts += [_group(ctx, page, title, rows) for page, title, rows in groups]
    return Markup("\n\n").join([*parts, LINKS_INDEX[1]])


def _groups(ctx: Context) -> list[tuple[str, str, list]]:
    """(page, title, its non-alias anchors) for every page in the contract, in menu order."""
    titles = {a.page: a.title for a in ctx.anchors if not a.anchor}
    order = {page_url(page): i for i, (_, page) in enumerate(reading_order())}
    pages = sorted(titles.keys() | {a.page for a in ctx.anchors}, key=lambda p: (order.get(p, len(order)), p))
    return [(page, titles.get(page, page), [a for a in ctx.anchors if a.page == page and not a.is_alias])
            for page in pages]


def _contents(ctx: Context, groups: list[tuple[str, str, list]]) -> Markup:
    # "links.html#page-x" rather than "#page-x": the contract's test looks for each link in that form.
    items = Markup("\n").join(
        Markup("<li>{} <small>({})</small></li>").format(
            link(ctx.href(page_url(ctx.page), group_id(page)), plain(title)), _count(len(rows)))
        for page, title, rows in groups)
    return Markup('<nav class="fg-links-contents" aria-label="Every stable link on the site, by page" '
                  'data-search-exclude>\n<ul>\n{}\n</ul>\n</nav>').format(items)


def _count(number: int) -> str:
    return "1 link" if number == 1 else f"{number} links"


# The copy button is in the page from the start: added by the script, 400 of them cost a second
# layout of the whole page. copy-link.js answers its clicks; without scripts it is hidden (main.html).
_LINK_ITEM = Markup('<li>{} <span class="fg-address"><code>{}</code> '
                    '<button type="button" class="fg-copy" aria-label="Copy the link to {}">Copy</button></span></li>')


def _group(ctx: Context, page: str, title: str, anchors: list) -> Markup:
    """A page's heading (a Markdown heading, so the engine lists and checks it; left out of search),
    then its links, each with its address under the site's and a button that copies it."""
    items = Markup("\n").join(
        _LINK_ITEM.format(
            link(ctx.href(a.page, a.anchor or None), plain(a.title) if a.anchor else Markup("<em>Whole page</em>")),
            a.target, a.title if a.anchor else f"the page {title}")
        for a in anchors)
    title_line = heading(2, title, group_id(page))[:-1] + Markup("data-search-exclude }")
    return Markup('{}\n\n<ul class="fg-links" data-site="{}" data-search-exclude>\n{}\n</ul>').format(
        title_line, ctx.site_url, items)


@marker("downloads", arg="PART", choices=("archive", "areas"), optional=True)
def build_downloads(ctx: Context, part: str = "") -> Markup:
    """All downloads, with `archive` only the offline copy (a page that links data
    files would send offline readers following its links into downloads), with `areas`
    only the state and metro figures."""
    if part == "archive":
        return _download_list(ctx, [(ARCHIVE, "Download the guide as one .zip file")])
    if part == "areas":
        return _download_list(ctx, AREA_DOWNLOADS)
    items = [
        (ARCHIVE, "The whole site for offline reading, search included (.zip)"),
        (f"{DOWNLOADS_DIR}/roles.json", "All comparison data, sources and salary figures (JSON)"),
        *((f"{DOWNLOADS_DIR}/{c['id']}.csv", f"{c['title']} comparison (CSV)") for c in ctx.guide.categories),
        (f"{DOWNLOADS_DIR}/salary-figures.csv", "Pay figures with their periods, sources and the files they were read from (CSV)"),
        (f"{DOWNLOADS_DIR}/{EXTRACT_NAME}", "The verified extract the pay figures are checked against (CSV)"),
        *AREA_DOWNLOADS,
    ]
    if ctx.guide.section("ownership"):
        items.append((f"{DOWNLOADS_DIR}/ownership.csv", "Who owns each stage of a model's life (CSV)"))
    return _download_list(ctx, items)


# The offline copy is written from the finished site; it cannot hold itself. Its pages go into
# the archive without what lies between these comments (publish/export.py).
HOSTED_ONLY = (Markup("<!-- hosted site only -->"), Markup("<!-- /hosted site only -->"))


def _download_list(ctx: Context, items: list[tuple[str, str]]) -> Markup:
    links = Markup("\n").join(_download_item(ctx, path, label, hosted_only=path == ARCHIVE) for path, label in items)
    return Markup('<ul class="fg-downloads">\n{}\n</ul>').format(links)


def _download_item(ctx: Context, path: str, label: str, hosted_only: bool) -> Markup:
    item = Markup("<li>{}</li>").format(link(ctx.href(path), label, download=""))
    return Markup("{}{}{}").format(HOSTED_ONLY[0], item, HOSTED_ONLY[1]) if hosted_only else item


@marker("whole-guide", arg="SECTION", choices=section_keys)
def build_whole_guide(ctx: Context, section: str) -> Markup:
    """`<!-- whole-guide: compare -->`: every page of that menu section, in a part of the printed guide."""
    return WHOLE_GUIDE_PLACEHOLDER.format(section)


@marker("print-parts")
def build_print_parts(ctx: Context) -> Markup:
    """The parts of the printed guide and the pages in each: known once every page is built."""
    return PRINT_PARTS_PLACEHOLDER
