"""Turn data values into safe HTML or Markdown: values are text, never live markup.

Rich values may carry a small, documented subset of inline Markdown (see
data/README.md): **strong**, *emphasis*, `code` and [links](https://...).
Everything else, including any HTML, comes out as the literal characters.
"""

from __future__ import annotations

import html
import posixpath
import re

_INLINE = re.compile(
    r"`(?P<code>[^`]+)`"
    r"|\[(?P<label>[^\]]+)\]\((?P<url>https?://[^\s()<>\"']+)\)"
    r"|\*\*(?P<strong>[^*]+)\*\*"
    r"|\*(?P<em>[^*]+)\*"
)

# Python-Markdown removes a backslash before these; before anything else it stays visible.
_MARKDOWN_ESCAPABLE = set("\\`*_{}[]()#+-.!")


def fold(text: str) -> str:
    """Line breaks inside a value become single spaces."""
    return " ".join(str(text).split())


def plain(text: str) -> str:
    """Plain text as HTML."""
    return html.escape(fold(text), quote=True)


def rich(text: str) -> str:
    """A rich value as HTML: the inline subset becomes markup, the rest stays text."""
    text = fold(text)
    out, position = [], 0
    for match in _INLINE.finditer(text):
        out.append(html.escape(text[position:match.start()], quote=True))
        out.append(_inline_markup(match))
        position = match.end()
    out.append(html.escape(text[position:], quote=True))
    return "".join(out)


def unmarked(text: str) -> str:
    """A rich value as plain text, for downloads: the inline subset's markers removed,
    a link's address kept in brackets after its label."""
    text = fold(text)

    def strip(match: re.Match) -> str:
        if match["code"] is not None:
            return match["code"]
        if match["url"] is not None:
            return f"{unmarked(match['label'])} ({match['url']})"
        return unmarked(match["strong"] if match["strong"] is not None else match["em"])

    return _INLINE.sub(strip, text)


def _inline_markup(match: re.Match) -> str:
    if match["code"] is not None:
        return f"<code>{html.escape(match['code'], quote=True)}</code>"
    if match["url"] is not None:
        return f'<a href="{html.escape(match["url"], quote=True)}">{rich(match["label"])}</a>'
    if match["strong"] is not None:
        return f"<strong>{rich(match['strong'])}</strong>"
    return f"<em>{rich(match['em'])}</em>"


def markdown_text(text: str) -> str:
    """Plain text that Markdown shows literally, for generated headings."""
    out = []
    for char in fold(text):
        if char in "<>&\"":
            out.append(html.escape(char, quote=True))
        elif char in _MARKDOWN_ESCAPABLE:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def html_table(caption: str, headers: list[str], rows: list[str], css_class: str = "") -> str:
    """A generated table: a caption and column headers with scope, for screen readers; cells come ready-made."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    classes = f' class="{css_class}"' if css_class else ""
    return "\n".join([f"<table{classes}>", f"<caption>{caption}</caption>", f"<thead><tr>{head}</tr></thead>",
                      "<tbody>", *rows, "</tbody>", "</table>"])


def page_url(page: str) -> str:
    """docs/ path of a Markdown page -> its URL path (use_directory_urls: false)."""
    return page[: -len(".md")] + ".html" if page.endswith(".md") else page


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link from one page to another page or section, as an HTML attribute value."""
    target = page_url(to_page)
    if to_page == from_page:
        url = ""
    else:
        url = posixpath.relpath(target, posixpath.dirname(page_url(from_page)) or ".")
    if anchor:
        url += "#" + anchor
    return html.escape(url, quote=True)


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
    text = fold(_LINK.sub(r"\1", " ".join(paragraph)))
    text = re.sub(r"[*_`\\]", "", text)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
