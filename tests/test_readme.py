"""The editors' documentation renders: a paragraph dropped into a table would leave its rows as raw pipes."""

from __future__ import annotations

import markdown
import pytest

from conftest import ROOT


@pytest.mark.parametrize("name", ["README.md", "data/README.md"])
def test_every_table_row_renders_as_a_table(name):
    html = markdown.markdown((ROOT / name).read_text(encoding="utf-8"), extensions=["tables"])
    stray = [line for line in html.splitlines() if line.lstrip("<p>").startswith("|")]
    assert stray == []
    assert "<table>" in html
