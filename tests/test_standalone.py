"""Sections stand alone: people link one section from their own documents, so its first
paragraph must make sense without the text above it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import read
from fieldguide.core.anchors import read_contract

# Openers that point back at text the reader of a single section never saw.
BACK_REFERENCES = ("This", "That", "These", "Those", "It", "They", "Both", "Here", "Such", "The same", "As above", "Also")
OPENS_BY_POINTING_BACK = re.compile(r"^(?:{})\b".format("|".join(BACK_REFERENCES)))

# Generated blocks: a table, a figure or a definition list is not the section's opening prose.
SKIPPED = {"table", "figure", "dl", "svg"}
SECTION_HEADINGS = {"h2", "h3"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class FirstParagraph(HTMLParser):
    """The text of the first plain paragraph after the heading with a given id, up to the next heading.
    Paragraphs with a class are generated labels and notes ("Also called: ...", "Sources: ..."), not prose."""

    def __init__(self, anchor: str):
        super().__init__(convert_charrefs=True)
        self.anchor = anchor
        self.is_heading = False  # the id belongs to an h2 or h3
        self.state = "before"  # before -> in heading -> after -> reading -> done
        self.skipped = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.state == "before":
            if tag in SECTION_HEADINGS and attributes.get("id") == self.anchor:
                self.is_heading, self.state = True, "in heading"
        elif self.state == "after":
            if tag in HEADINGS:
                self.state = "done"  # a section with no paragraph of its own: nothing to read
            elif tag in SKIPPED:
                self.skipped += 1
            elif tag == "p" and not self.skipped and not attributes.get("class"):
                self.state = "reading"

    def handle_endtag(self, tag):
        if self.state == "in heading" and tag in SECTION_HEADINGS:
            self.state = "after"
        elif self.state == "after" and tag in SKIPPED:
            self.skipped = max(0, self.skipped - 1)
        elif self.state == "reading" and tag == "p":
            self.state = "done"

    def handle_data(self, data):
        if self.state == "reading":
            self.text.append(data)


def opening(html: str, anchor: str) -> str | None:
    """The first paragraph of a section, or None when the id is not an h2/h3 or has no paragraph."""
    parser = FirstParagraph(anchor)
    parser.feed(html)
    text = " ".join("".join(parser.text).split())
    return text if parser.is_heading and text else None


SECTIONS = [a for a in read_contract() if a.anchor and not a.is_alias]


@pytest.mark.parametrize("page", sorted({a.page for a in SECTIONS}))
def test_every_linked_section_opens_without_pointing_back(built_site, page):
    html = read(built_site, page)
    pointing_back = []
    for anchor in (a for a in SECTIONS if a.page == page):
        text = opening(html, anchor.anchor)
        if text and OPENS_BY_POINTING_BACK.match(text):
            pointing_back.append(f"{anchor.target}: {text[:70]}")
    assert pointing_back == []


@pytest.mark.parametrize("first, points_back", [
    ("This is where the roles differ.", True),
    ("The same holds for engineers.", True),
    ("Also called: data collection.", True),
    ("Thistle is a plant.", False),
    ("Its figures come from BLS.", False),
    ("The data scientist's role differs here.", False),
])
def test_the_opener_rule(first, points_back):
    assert bool(OPENS_BY_POINTING_BACK.match(first)) is points_back


def test_the_first_plain_paragraph_is_read_after_generated_blocks():
    html = ('<h2 id="a">A</h2><table><tr><td><p>It is a cell.</p></td></tr></table>'
            '<div class="fg-topic"><p class="fg-also">Also called: B</p><p>This section is read.</p></div>'
            '<h2 id="b">B</h2><ul><li>A list</li></ul><h2 id="c">C</h2><p>Text under C.</p>')
    assert opening(html, "a") == "This section is read."
    assert opening(html, "b") is None  # no paragraph before the next heading
    assert opening('<h4 id="a">A</h4><p>It is not an h2.</p>', "a") is None
