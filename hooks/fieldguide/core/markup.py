"""Data values become HTML here, and only as ``markupsafe.Markup``.

A value from the data file is text: it is escaped once, where it enters markup,
and the result is ``Markup`` so nothing escapes it twice or mistakes it for safe
when it is not. Rich values may carry a small, documented inline subset of
Markdown (data/README.md): **strong**, *emphasis*, `code` and [links](https://...).
Everything else, HTML included, comes out as the literal characters.
"""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup, escape

_INLINE = re.compile(
    r"`(?P<code>[^`]+)`"
    r"|\[(?P<label>[^\]]+)\]\((?P<url>https?://[^\s()<>\"']+)\)"
    r"|\*\*(?P<strong>[^*]+)\*\*"
    r"|\*(?P<em>[^*]+)\*"
)

# Python-Markdown removes a backslash before these; before anything else it stays visible.
_MARKDOWN_ESCAPABLE = set("\\`*_{}[]()#+-.!")


def fold(text: object) -> str:
    """Line breaks inside a value become single spaces."""
    return " ".join(str(text).split())


def plain(text: object) -> Markup:
    """A plain value as HTML text."""
    return escape(fold(text))


def rich(text: str) -> Markup:
    """A rich value as HTML: the inline subset becomes markup, the rest stays text."""
    text = fold(text)
    out, position = Markup(""), 0
    for match in _INLINE.finditer(text):
        out += escape(text[position:match.start()]) + _inline_markup(match)
        position = match.end()
    return out + escape(text[position:])


def _inline_markup(match: re.Match) -> Markup:
    if match["code"] is not None:
        return Markup("<code>{}</code>").format(match["code"])
    if match["url"] is not None:
        return link(match["url"], rich(match["label"]))
    if match["strong"] is not None:
        return Markup("<strong>{}</strong>").format(rich(match["strong"]))
    return Markup("<em>{}</em>").format(rich(match["em"]))


def unmarked(text: str) -> str:
    """A rich value as plain text, for downloads: the markers removed, a link's address in brackets."""

    def strip(match: re.Match) -> str:
        if match["code"] is not None:
            return match["code"]
        if match["url"] is not None:
            return f"{unmarked(match['label'])} ({match['url']})"
        return unmarked(match["strong"] if match["strong"] is not None else match["em"])

    return _INLINE.sub(strip, fold(text))


def markdown_text(text: str) -> Markup:
    """Plain text that Markdown shows literally, for generated headings."""
    return Markup("".join(
        str(escape(char)) if char in "<>&\"" else "\\" + char if char in _MARKDOWN_ESCAPABLE else char
        for char in fold(text)
    ))


def heading(level: int, title: str, anchor: str) -> Markup:
    """A Markdown heading with an explicit id, so the engine lists it and checks links to it."""
    return Markup("{} {} {{ #{} }}").format("#" * level, markdown_text(title), anchor)


# --- elements -----------------------------------------------------------------------------


def link(url: str, label: object, **attributes: str) -> Markup:
    """<a href=url>label</a>; the label is escaped unless it is Markup already."""
    extra = Markup("").join(Markup(' {}="{}"').format(name.rstrip("_"), value) for name, value in attributes.items())
    return Markup('<a href="{}"{}>{}</a>').format(url, extra, label)


def cells(values: list) -> Markup:
    return Markup("").join(Markup("<td>{}</td>").format(value) for value in values)


def row(header: object, values: list) -> Markup:
    """A body row: a row header with scope, for screen readers, then one cell per value."""
    return Markup('<tr><th scope="row">{}</th>{}</tr>').format(header, cells(values))


def table(caption: object, headers: list, rows: list[Markup], css_class: str = "") -> Markup:
    """A generated table: a caption and column headers with scope; rows come ready-made."""
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(h) for h in headers)
    classes = Markup(' class="{}"').format(css_class) if css_class else ""
    return Markup("\n").join([
        Markup("<table{}>").format(classes), Markup("<caption>{}</caption>").format(caption),
        Markup("<thead><tr>{}</tr></thead>").format(head), Markup("<tbody>"), *rows, Markup("</tbody>"), Markup("</table>"),
    ])


def facts(items: list[tuple[object, object]], css_class: str) -> Markup:
    """A definition list of (name, value) pairs."""
    body = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(name, value) for name, value in items)
    return Markup('<dl class="{}">{}</dl>').format(css_class, body)


def joined(parts: list, separator: str = ", ") -> Markup:
    return Markup(escape(separator)).join(parts)


# --- addresses ------------------------------------------------------------------------------


def page_url(page: str) -> str:
    """docs/ path of a Markdown page -> its URL path (use_directory_urls: false)."""
    return page[: -len(".md")] + ".html" if page.endswith(".md") else page


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link from one page to another page or section (plain text: escaped where it is used)."""
    target = page_url(to_page)
    url = "" if to_page == from_page else posixpath.relpath(target, posixpath.dirname(page_url(from_page)) or ".")
    return f"{url}#{anchor}" if anchor else url


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def first_paragraph(markdown: str, limit: int = 160) -> str:
    """A page's opening summary as plain text, for its meta description."""
    paragraph: list[str] = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped:
            if paragraph:
                break
            continue
        if stripped.startswith(("#", "<!--", "!!!", "|", "-", "*[")) and not paragraph:
            continue
        paragraph.append(stripped)
    text = re.sub(r"[*_`\\]", "", fold(_LINK.sub(r"\1", " ".join(paragraph))))
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
