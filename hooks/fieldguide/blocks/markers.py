"""Every marker the pages can use: importing this module registers them all.

The layers above (the Markdown extension, the hook) import expansion from here,
so the registry they use is always complete.
"""

from __future__ import annotations

from collections import Counter

from ..model.guide import Guide
from . import area_map, areas, designs, diagrams, hiring, llm, ownership, pay_chart, pay_tables, site, skills, tools, topics
from .registry import MARKERS, Context, expand, has_markers

BUILDER_MODULES = (area_map, areas, designs, diagrams, hiring, llm, ownership, pay_chart, pay_tables, site, skills, tools, topics)

__all__ = ["BUILDER_MODULES", "MARKERS", "Context", "expand", "has_markers", "misplaced_topics"]


def misplaced_topics(guide: Guide, rendered: list[str]) -> list[str]:
    """Topics without exactly one section after every page is expanded: each is a broken link."""
    counts = Counter(rendered)
    return [
        f"{guide.page_of(t)}: topic '{t['id']}' must have exactly one section there, found {counts[t['id']]}"
        for t in guide.topics
        if counts[t["id"]] != 1
    ]
