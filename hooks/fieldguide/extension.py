"""Marker expansion as a Python-Markdown extension, so any engine that runs Python-Markdown builds the guide.

- MkDocs: the hook registers one shared instance, and before each build and each
  page tells it the data and the page (see hooks/fieldguide_hook.py).
- Zensical, or plain Python-Markdown: list ``fieldguide.extension`` under
  ``markdown_extensions``. Each instance then loads the data itself (again
  whenever the file changes, never at import) and finds the page in Zensical's
  rendering context.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .blocks.markers import Context, expand, has_markers
from .core.anchors import CONTRACT_PATH, Anchor, read_contract
from .core.errors import MarkerError
from .core.markup import first_paragraph
from .model.areas import areas_path
from .model.extract import extract_path
from .model.guide import DATA_PATH, Guide

# After snippets (32) and whitespace normalisation (30); before raw HTML is stashed (20),
# so the generated HTML is taken as raw blocks and the generated headings as Markdown.
PRIORITY = 25


@dataclass
class Build:
    """What one build knows: the data, the contract, the site's address, and every topic rendered so far."""

    guide: Guide | None
    anchors: list[Anchor] = field(default_factory=list)
    site_url: str = ""
    rendered_topics: list[str] = field(default_factory=list)


@dataclass
class Page:
    path: str  # the page's Markdown path under docs/: "roles/data-scientist.md"
    meta: dict


class FieldguideExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"site_url": ["", "The site's address, for the links index"]}
        super().__init__(**kwargs)
        self.build: Build | None = None  # set per build by an engine hook; else loaded on demand
        self.page: Page | None = None  # set per page by an engine hook; else read from Zensical
        # Given a bad marker's message: raise, or return Markdown to show above the page (serving).
        self.on_error = _raise

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(MarkerPreprocessor(md, self), "fieldguide-markers", PRIORITY)


class MarkerPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: FieldguideExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        page = self.extension.page or _zensical_page(self.md)
        if page is not None:
            # Each page opens with a summary: it doubles as the page's meta description.
            page.meta.setdefault("description", first_paragraph(markdown))
        if not has_markers(markdown):
            return lines
        if page is None:
            raise MarkerError("the page being rendered is unknown: no engine hook or rendering context named it")
        build = self.extension.build or _standalone_build(self.extension.getConfig("site_url"), self.md)
        if build.guide is None:  # serving, and the data has never been valid: nothing to render
            return lines
        ctx = Context(build.guide, page.path, build.anchors, build.site_url)
        try:
            markdown = expand(markdown, ctx)
        except MarkerError as error:
            return (self.extension.on_error(str(error)) + "\n".join(lines)).split("\n")
        build.rendered_topics += ctx.rendered_topics
        return markdown.split("\n")


def _raise(message: str) -> str:
    raise MarkerError(message)


def _zensical_context(md: Markdown):
    """The rendering context Zensical registers on every Markdown instance (page and config), if any."""
    context = sys.modules.get("zensical.extensions.context")  # imported by Zensical itself, never by us
    return context.ContextPreprocessor.from_markdown(md) if context else None


def _zensical_page(md: Markdown) -> Page | None:
    processor = _zensical_context(md)
    return Page(Path(processor.page.path).as_posix(), processor.page.meta) if processor else None


# Zensical makes an instance per page: load the data once per change of the file, not per page.
_loaded: dict[tuple, Build] = {}


def _standalone_build(site_url: str, md: Markdown) -> Build:
    if not site_url and (processor := _zensical_context(md)):
        site_url = processor.config.get("site_url") or ""
    stamp = (*(_changed(path) for path in (DATA_PATH, extract_path(DATA_PATH), areas_path(DATA_PATH), CONTRACT_PATH)), site_url)
    if stamp not in _loaded:
        _loaded.clear()
        _loaded[stamp] = Build(Guide.load(DATA_PATH), read_contract(CONTRACT_PATH), site_url)
    return _loaded[stamp]


def _changed(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def makeExtension(**kwargs) -> FieldguideExtension:
    return FieldguideExtension(**kwargs)
