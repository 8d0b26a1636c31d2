"""MkDocs hook: wires the fieldguide package into MkDocs' events. No logic of its own.

The Markdown extension (fieldguide.extension) expands the markers; this hook
gives it the data once per build and the page being rendered, and runs the
engine-neutral finishing step (fieldguide.publish.finish) after the build.

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

from fieldguide.blocks.markers import has_markers, misplaced_topics
from fieldguide.core.anchors import ContractError, read_contract
from fieldguide.core.errors import DataError
from fieldguide.core.markup import markdown_text
from fieldguide.extension import Build, FieldguideExtension, Page
from fieldguide.model.guide import Guide
from fieldguide.publish.finish import finish

log = logging.getLogger("mkdocs.hooks.fieldguide")

extension = FieldguideExtension()


class _State:
    serving = False
    data_error = ""  # while serving: why the current data could not be used


def on_startup(command, dirty):
    _State.serving = command == "serve"


def on_config(config):
    if extension not in config.markdown_extensions:
        config.markdown_extensions.append(extension)
    extension.on_error = _marker_failed


def on_pre_build(config):
    _State.data_error = ""
    last_good = extension.build.guide if extension.build else None
    try:
        guide, anchors = Guide.load(), read_contract()
    except (DataError, ContractError) as error:
        _fail(str(error))
        # Only reached while serving: keep the last good data, so this is the only error shown.
        _State.data_error = str(error)
        extension.build = Build(last_good, extension.build.anchors if extension.build else [], config.site_url or "")
        return
    extension.build = Build(guide, anchors, config.site_url or "")


def on_page_markdown(markdown, page, config, files):
    extension.page = Page(page.file.src_uri, page.meta)
    if _State.data_error and has_markers(markdown):
        return _error_notice(_State.data_error) + markdown
    return markdown


# After the offline plugin (-100) has written the search index the archive must hold.
@event_priority(-200)
def on_post_build(config):
    extension.page = None
    if extension.build is None or extension.build.guide is None:
        return
    for problem in misplaced_topics(extension.build.guide, extension.build.rendered_topics):
        _fail(problem)
    finish(Path(config.site_dir), extension.build.guide)


def _fail(message: str) -> None:
    if not _State.serving:
        raise PluginError(message)
    for line in message.splitlines():
        log.error(line)


def _marker_failed(message: str) -> str:
    _fail(message)
    return _error_notice(message)


def _error_notice(message: str) -> str:
    lines = "\n\n".join(f"    {markdown_text(line)}" for line in message.splitlines())
    return f'!!! failure "The data file has errors: this page shows the last good version"\n\n{lines}\n\n'
