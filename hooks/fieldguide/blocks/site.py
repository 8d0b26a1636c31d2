"""Blocks about the site itself: the index of stable links, the downloads, the print page's placeholder."""

from __future__ import annotations

from markupsafe import Markup

from ..core.markup import link, page_url, plain, row, table
from ..core.menu import reading_order
from ..core.pages import ARCHIVE_NAME, DOWNLOADS_DIR
from ..model.extract import EXTRACT_NAME
from .registry import Context, marker

# The print page is filled in once every page is rendered (publish/whole.py).
WHOLE_GUIDE_PLACEHOLDER = Markup('<div class="fg-whole-guide"></div>')


@marker("links")
def build_links(ctx: Context) -> Markup:
    """The index of stable links, from the anchor contract (aliases left out), in menu order."""
    titles = {a.page: a.title for a in ctx.anchors if not a.anchor}
    order = {page_url(page): i for i, (_, page) in enumerate(reading_order())}
    anchors = sorted((a for a in ctx.anchors if not a.is_alias), key=lambda a: order.get(a.page, len(order)))
    rows = [
        row(plain(titles.get(a.page, a.page)), [
            link(ctx.href(a.page, a.anchor or None), plain(a.title) if a.anchor else Markup("<em>whole page</em>")),
            Markup("<code>{}</code>").format(ctx.site_url + a.target),
        ])
        for a in anchors
    ]
    return Markup('<div class="fg-links">\n{}\n</div>').format(
        table("Every stable link on the site", ["Page", "Section", "Link to copy"], rows))


@marker("downloads", arg="PART", choices=("archive",), optional=True)
def build_downloads(ctx: Context, part: str = "") -> Markup:
    """All downloads, or with `archive` only the offline copy (a page that links data
    files would send offline readers following its links into downloads)."""
    archive = f"{DOWNLOADS_DIR}/{ARCHIVE_NAME}"
    if part == "archive":
        return _download_list(ctx, [(archive, "Download the guide as one .zip file")])
    items = [
        (archive, "The whole site for offline reading, search included (.zip)"),
        (f"{DOWNLOADS_DIR}/roles.json", "All comparison data, sources and salary figures (JSON)"),
        *((f"{DOWNLOADS_DIR}/{c['id']}.csv", f"{c['title']} comparison (CSV)") for c in ctx.guide.categories),
        (f"{DOWNLOADS_DIR}/salary-figures.csv", "Pay figures with their periods, sources and the files they were read from (CSV)"),
        (f"{DOWNLOADS_DIR}/{EXTRACT_NAME}", "The verified extract the pay figures are checked against (CSV)"),
    ]
    if ctx.guide.section("ownership"):
        items.append((f"{DOWNLOADS_DIR}/ownership.csv", "Who owns each stage of a model's life (CSV)"))
    return _download_list(ctx, items)


def _download_list(ctx: Context, items: list[tuple[str, str]]) -> Markup:
    links = Markup("\n").join(
        Markup("<li>{}</li>").format(link(ctx.href(path), label, download="")) for path, label in items)
    return Markup('<ul class="fg-downloads">\n{}\n</ul>').format(links)


@marker("whole-guide")
def build_whole_guide(ctx: Context) -> Markup:
    return WHOLE_GUIDE_PLACEHOLDER
