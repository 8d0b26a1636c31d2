"""Every page path and section id the generator links to, in one place.

A test checks each against the anchor contract (data/anchors.txt), so renaming a
section on a page fails there, not as a silently broken link. Role pages and
topic sections come from the data file; these are the rest.
"""

from __future__ import annotations

from typing import NamedTuple


class Section(NamedTuple):
    page: str  # the Markdown page under docs/
    anchor: str = ""  # "" for the page itself


SOURCES = Section("sources.md")
SALARY = Section("compare/salary.md")
PAY_BY_AREA = Section("compare/pay-by-area.md")
PAY_SPREAD = Section("compare/salary.md", "beyond-the-median")  # the chart and the percentile table
SKILLS = Section("compare/skills.md")
SKILLS_ROADMAP = Section("compare/skills.md", "roadmap")
HIRING = Section("guides/hiring.md")
RED_FLAGS = Section("guides/hiring.md", "red-flags")
READER = Section("guides/read-a-job-posting.md")
CHOOSING = Section("guides/choosing-a-role.md")
ONE_PERSON = Section("guides/one-person-both-roles.md")
TEAM_DESIGNS = Section("compare/team-designs.md")  # a section per design, its id the design's

DOWNLOADS_DIR = "downloads"
ARCHIVE_NAME = "ds-vs-mle-field-guide.zip"


def source_section(source_id: str) -> Section:
    return Section(SOURCES.page, f"source-{source_id}")


def skill_section(skill_id: str) -> Section:
    return Section(SKILLS.page, f"skill-{skill_id}")


def design_section(design_id: str) -> Section:
    """A team design's section on the team designs page."""
    return Section(TEAM_DESIGNS.page, design_id)


def learn_first(role_id: str) -> Section:
    """The choosing page's "what to learn first" section for a role."""
    return Section(CHOOSING.page, "learn-" + role_id.replace("_", "-"))


def fixed_sections() -> list[Section]:
    """Every section above that is not made from an id in the data: what the contract test reads."""
    return [value for value in globals().values() if isinstance(value, Section)]
