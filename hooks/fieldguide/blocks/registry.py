"""Markers, and the registry that maps each one to its builder and owns its argument rules.

A page asks for a block with an HTML comment on a line of its own, such as
``<!-- comparison: expertise -->``: unbuilt, the Markdown still reads well. A builder
registers itself with ``@marker("comparison", arg="CATEGORY")``; the registry checks
the argument, resolves ids to data items, and names the page and the marker when
anything is wrong. Builders return ``Markup``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from ..core.anchors import Anchor
from ..core.errors import MarkerError
from ..core.markup import href, link
from ..core.pages import Section
from ..model.guide import Guide

MARKER = re.compile(r"^<!--\s*(?P<name>[a-z][a-z-]*)\s*(?::(?P<args>[^>]*?))?\s*-->[ \t]*$", re.MULTILINE)

# An argument written in capitals names an item of the data, resolved before the builder runs.
ARG_KINDS: dict[str, Callable[[Guide, str], dict]] = {
    "ROLE": Guide.role,
    "CATEGORY": Guide.category,
    "TOPIC": Guide.topic,
    "NEIGHBOUR": Guide.neighbour,
    "DESIGN": Guide.design,
}


@dataclass
class Context:
    """What a block may need besides the data: where it is, and the site-wide extras."""

    guide: Guide
    page: str
    anchors: list[Anchor] = field(default_factory=list)
    site_url: str = ""
    rendered_topics: list[str] = field(default_factory=list)

    def href(self, to_page: str, anchor: str | None = None) -> str:
        return href(self.page, to_page, anchor)

    def link(self, section: Section, label: object) -> Markup:
        return link(self.href(section.page, section.anchor or None), label)


@dataclass(frozen=True)
class Marker:
    name: str
    build: Callable[..., Markup]
    arg: str = ""  # "", "ROLE", "ROLE CATEGORY", or a word for one of `choices`
    choices: tuple[str, ...] | Callable[[], tuple[str, ...]] = ()  # a function: read when the marker runs
    optional: bool = False

    @property
    def usage(self) -> str:
        if not self.arg:
            return f"<!-- {self.name} -->"
        shown = f"<!-- {self.name}: {self.arg} -->"
        return f"<!-- {self.name} --> or {shown}" if self.optional else shown

    def run(self, ctx: Context, args: str) -> Markup:
        words = args.split()
        if not words and self.optional:
            return self.build(ctx)
        kinds = self.arg.split()
        if len(words) != len(kinds):
            raise MarkerError(f"expected {self.usage}")
        return self.build(ctx, *(self._resolve(ctx.guide, kind, word) for kind, word in zip(kinds, words)))

    def _resolve(self, guide: Guide, kind: str, word: str):
        if kind in ARG_KINDS:
            return ARG_KINDS[kind](guide, word)
        choices = self.choices() if callable(self.choices) else self.choices
        if word not in choices:
            raise MarkerError(f"unknown {kind.lower()} '{word}'; expected one of: {', '.join(choices)}")
        return word


MARKERS: dict[str, Marker] = {}
INLINE: list[tuple[re.Pattern, Callable[[Context, re.Match], Markup]]] = []


def marker(name: str, arg: str = "", choices: tuple[str, ...] | Callable[[], tuple[str, ...]] = (), optional: bool = False):
    """Register a block builder under its marker's name."""

    def register(build: Callable[..., Markup]) -> Callable[..., Markup]:
        if name in MARKERS:
            raise ValueError(f"marker '{name}' is registered twice")
        MARKERS[name] = Marker(name, build, arg, choices, optional)
        return build

    return register


def inline(pattern: re.Pattern):
    """Register a builder for a marker written inside a sentence, such as ``<!--fig:ID.KEY-->``."""

    def register(build: Callable[[Context, re.Match], Markup]):
        INLINE.append((pattern, build))
        return build

    return register


def expand(markdown: str, ctx: Context) -> str:
    """Replace every marker in a page; raise MarkerError naming the page and the marker for a bad one."""

    def block(match: re.Match) -> str:
        try:
            found = MARKERS.get(match["name"])
            if found is None:
                raise MarkerError(f"unknown marker; expected one of: {', '.join(MARKERS)}")
            # Blank lines around the block: Markdown takes raw HTML only as a block of its own.
            return "\n" + found.run(ctx, (match["args"] or "").strip()) + "\n"
        except MarkerError as error:
            raise MarkerError(f"{ctx.page}: marker '{match.group(0).strip()}': {error}") from None

    # Inline markers first: one alone on a line must not be read as a block marker.
    for pattern, build in INLINE:
        markdown = pattern.sub(lambda match, build=build: _inline(ctx, build, match), markdown)
    return MARKER.sub(block, markdown)


def _inline(ctx: Context, build, match: re.Match) -> str:
    try:
        return build(ctx, match)
    except MarkerError as error:
        raise MarkerError(f"{ctx.page}: figure '{match.group(0)}': {error}") from None


def has_markers(markdown: str) -> bool:
    """Whether a page asks for anything generated: a block marker or an inline one."""
    return bool(MARKER.search(markdown) or any(pattern.search(markdown) for pattern, _ in INLINE))
