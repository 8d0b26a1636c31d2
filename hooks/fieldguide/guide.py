"""The validated data with the look-ups the renderers need."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .load import load_data

DATA_PATH = Path(__file__).resolve().parents[2] / "data" / "roles.yml"
SOURCES_PAGE = "sources.md"


def source_anchor(source_id: str) -> str:
    """A source's section on the sources page."""
    return f"source-{source_id}"


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

    @cached_property
    def _by_id(self) -> dict[str, dict[str, dict]]:
        # Indexed once: pages look items up per topic, and a list scan per look-up grows quadratically.
        return {kind: {item["id"]: item for item in self.data[kind]} for kind in ("roles", "categories", "topics", "sources")}

    @cached_property
    def _topics_by_category(self) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = {c["id"]: [] for c in self.categories}
        for topic in self.topics:
            grouped[topic["category"]].append(topic)
        return grouped

    def role(self, role_id: str) -> dict:
        return self._find("roles", role_id, "role")

    def category(self, category_id: str) -> dict:
        return self._find("categories", category_id, "category")

    def topic(self, topic_id: str) -> dict:
        return self._find("topics", topic_id, "topic")

    def source(self, source_id: str) -> dict:
        return self._find("sources", source_id, "source")

    def topics_in(self, category_id: str) -> list[dict]:
        self.category(category_id)
        return self._topics_by_category[category_id]

    def _find(self, kind: str, item_id: str, name: str) -> dict:
        try:
            return self._by_id[kind][item_id]
        except KeyError:
            known = ", ".join(self._by_id[kind])
            raise UnknownName(f"unknown {name} '{item_id}'; the data file has: {known}") from None

    def page_of(self, topic: dict) -> str:
        """The page that holds a topic's section: its category's page."""
        return self.category(topic["category"])["page"]


