"""MkDocs hook: wires the fieldguide package into the build. No logic of its own.

The data is loaded afresh for every build (never at import: `mkdocs serve`
imports this module once), so editing data/roles.yml reloads the site.
`mkdocs build` stops on bad data with a clean error; `mkdocs serve` logs the
error, shows it above the generated content, which keeps the last good data,
and recovers on the next good save.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from fieldguide.anchors import ContractError, read_contract
from fieldguide.export import write_downloads
from fieldguide.guide import Guide
from fieldguide.load import DataError
from fieldguide.render import MARKER, WHOLE_GUIDE_PLACEHOLDER, Context, MarkerError, expand, misplaced_topics
from fieldguide.text import first_paragraph, markdown_text
from fieldguide.whole import RenderedPage, combine

log = logging.getLogger("mkdocs.hooks.fieldguide")


class _Build:
    serving = False
    guide: Guide | None = None
    anchors: list = []
    rendered: list[str] = []
    data_error = ""  # while serving: why the current data could not be used


def on_startup(command, dirty):
    _Build.serving = command == "serve"


def on_pre_build(config):
    _Build.rendered, _Build.data_error = [], ""
    try:
        guide, anchors = Guide.load(), read_contract()
    except (DataError, ContractError) as error:
        _fail(str(error))
        # Only reached while serving: keep the last good data, so this is the only error shown.
        _Build.data_error = str(error)
        return
    _Build.guide, _Build.anchors = guide, anchors


def on_page_markdown(markdown, page, config, files):
    # Each page opens with a summary: it doubles as the page's meta description.
    page.meta.setdefault("description", first_paragraph(markdown))
    if not MARKER.search(markdown):
        return markdown
    notice = _error_notice(_Build.data_error) if _Build.data_error else ""
    if _Build.guide is None:  # serving, and the data has never been valid: nothing to render
        return notice + markdown
    ctx = Context(_Build.guide, page.file.src_uri, _Build.anchors, config.site_url or "")
    try:
        markdown = expand(markdown, ctx)
    except MarkerError as error:
        _fail(str(error))
        return _error_notice(str(error)) + markdown
    _Build.rendered += ctx.rendered_topics
    return notice + markdown


def on_page_context(context, page, config, nav):
    # By now every page is rendered, so the print page can gather them in reading order.
    if page.content and WHOLE_GUIDE_PLACEHOLDER in page.content:
        pages = [RenderedPage(p.file.src_uri, p.title, p.content) for p in nav.pages if p is not page and p.content]
        page.content = page.content.replace(WHOLE_GUIDE_PLACEHOLDER, combine(pages, page.file.src_uri))
    return context


# After the offline plugin (-100) has written the search index the archive must hold.
@event_priority(-200)
def on_post_build(config):
    if _Build.guide is None:
        return
    for problem in misplaced_topics(_Build.guide, _Build.rendered):
        _fail(problem)
    write_downloads(_Build.guide, Path(config.site_dir))


def _fail(message: str) -> None:
    if not _Build.serving:
        raise PluginError(message)
    for line in message.splitlines():
        log.error(line)


def _error_notice(message: str) -> str:
    lines = "\n\n".join(f"    {markdown_text(line)}" for line in message.splitlines())
    return f'!!! failure "The data file has errors: this page shows the last good version"\n\n{lines}\n\n'
