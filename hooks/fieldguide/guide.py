"""The validated data with the look-ups the renderers need."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import load_data

DATA_PATH = Path(__file__).resolve().parents[2] / "data" / "roles.yml"
SOURCES_PAGE = "sources.md"


class UnknownName(ValueError):
    """A page asked for a role, category, topic or source the data does not have."""


@dataclass(frozen=True)
class Guide:
    data: dict

    @classmethod
    def load(cls, path: Path = DATA_PATH) -> "Guide":
        return cls(load_data(path))

    @property
    def roles(self) -> list[dict]:
        return self.data["roles"]

    @property
    def categories(self) -> list[dict]:
        return self.data["categories"]

    @property
    def topics(self) -> list[dict]:
        return self.data["topics"]

    @property
    def sources(self) -> list[dict]:
        return self.data["sources"]

    @property
    def salary(self) -> dict:
        return self.data["salary"]

    def role(self, role_id: str) -> dict:
        return _find(self.roles, role_id, "role")

    def category(self, category_id: str) -> dict:
        return _find(self.categories, category_id, "category")

    def topic(self, topic_id: str) -> dict:
        return _find(self.topics, topic_id, "topic")

    def source(self, source_id: str) -> dict:
        return _find(self.sources, source_id, "source")

    def topics_in(self, category_id: str) -> list[dict]:
        self.category(category_id)
        return [t for t in self.topics if t["category"] == category_id]

    def page_of(self, topic: dict) -> str:
        """The page that holds a topic's section: its category's page."""
        return self.category(topic["category"])["page"]


def _find(items: list[dict], item_id: str, kind: str) -> dict:
    for item in items:
        if item["id"] == item_id:
            return item
    known = ", ".join(i["id"] for i in items)
    raise UnknownName(f"unknown {kind} '{item_id}'; the data file has: {known}")
