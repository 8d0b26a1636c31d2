"""The validated data, with a typed look-up for every section that has ids.

Builders ask the Guide, never the raw dict: `guide.skill(id)`, `guide.ways_back(category)`.
A look-up of something the data does not have raises MarkerError with the ids it does have.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..core.errors import MarkerError, unknown
from .areas import Areas, areas_path
from .check_llm import LLM_ROLES
from .load import load_data

DATA_PATH = Path(__file__).resolve().parents[3] / "data" / "roles.yml"

# Lists a builder may look items up in by id: (data key, key of the id, what an item is called).
_INDEXED = {
    "roles": ("roles", "id", "role"),
    "categories": ("categories", "id", "category"),
    "topics": ("topics", "id", "topic"),
    "sources": ("sources", "id", "source"),
    "neighbours": ("neighbouring_roles", "id", "neighbouring role"),
    "stages": ("lifecycle", "id", "stage"),
    "skills": ("skills", "id", "skill"),
    "figures": (None, "id", "figure"),
    "job_descriptions": ("job_descriptions", "role", "job description for role"),
    "designs": ("team_designs", "id", "team design"),
    "interview_loops": ("interview_loops", "role", "interview loop for role"),
}


@dataclass(frozen=True)
class Guide:
    data: dict
    path: Path = DATA_PATH  # the data file: the CSV files beside it belong to it

    @classmethod
    def load(cls, path: Path = DATA_PATH) -> Guide:
        return cls(load_data(path), Path(path))

    # --- sections, in file order ------------------------------------------------------------

    def section(self, key: str) -> list[dict]:
        """An optional list section; empty when the file leaves it out."""
        return self.data.get(key) or []

    def require(self, key: str) -> list[dict]:
        """An optional section a block cannot be drawn without."""
        items = self.section(key)
        if not items:
            raise MarkerError(f"the data file has no '{key}'")
        return items

    roles = property(lambda self: self.data["roles"])
    categories = property(lambda self: self.data["categories"])
    topics = property(lambda self: self.data["topics"])
    sources = property(lambda self: self.data["sources"])
    neighbours = property(lambda self: self.section("neighbouring_roles"))
    stages = property(lambda self: self.section("lifecycle"))
    skills = property(lambda self: self.section("skills"))
    levels = property(lambda self: self.section("levels"))
    signals = property(lambda self: self.section("signals"))
    assessment = property(lambda self: self.section("assessment"))
    handoffs = property(lambda self: self.section("handoffs"))
    wages = property(lambda self: self.data["salary"]["wages"])
    survey = property(lambda self: self.data["salary"]["survey"])
    outlook = property(lambda self: self.data["salary"]["outlook"])
    abroad = property(lambda self: self.data["salary"]["abroad"])
    pay_scope = property(lambda self: self.data["salary"]["scope"])
    reader_rules = property(lambda self: self.data.get("reader") or {})  # the job-posting reader's rules

    @cached_property
    def areas(self) -> Areas:
        """The state and metro figures of pay-areas.csv beside the data file (checked when it loads)."""
        return Areas.read(areas_path(self.path))

    @property
    def all_roles(self) -> list[dict]:
        """The two main roles, then the neighbouring roles: the ownership matrix's columns."""
        return [*self.roles, *self.neighbours]

    # --- look-ups by id ---------------------------------------------------------------------

    @cached_property
    def _by_id(self) -> dict[str, dict[str, dict]]:
        # Indexed once: pages look items up per topic, and a list scan per look-up grows quadratically.
        lists = {name: self.section(key) for name, (key, _, _) in _INDEXED.items() if key}
        lists["figures"] = [*self.wages, *self.survey]
        return {name: {item[_INDEXED[name][1]]: item for item in items} for name, items in lists.items()}

    def _find(self, kind: str, item_id: str) -> dict:
        try:
            return self._by_id[kind][item_id]
        except KeyError:
            raise MarkerError(unknown(_INDEXED[kind][2], item_id, self._by_id[kind])) from None

    def role(self, role_id: str) -> dict:
        return self._find("roles", role_id)

    def category(self, category_id: str) -> dict:
        return self._find("categories", category_id)

    def topic(self, topic_id: str) -> dict:
        return self._find("topics", topic_id)

    def source(self, source_id: str) -> dict:
        return self._find("sources", source_id)

    def neighbour(self, role_id: str) -> dict:
        return self._find("neighbours", role_id)

    def stage(self, stage_id: str) -> dict:
        return self._find("stages", stage_id)

    def skill(self, skill_id: str) -> dict:
        return self._find("skills", skill_id)

    def figure(self, figure_id: str) -> dict:
        return self._find("figures", figure_id)

    def job_description(self, role_id: str) -> dict:
        return self._find("job_descriptions", role_id)

    # --- relations ----------------------------------------------------------------------------

    @cached_property
    def _topics_by_category(self) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = {c["id"]: [] for c in self.categories}
        for topic in self.topics:
            grouped[topic["category"]].append(topic)
        return grouped

    def topics_in(self, category_id: str) -> list[dict]:
        self.category(category_id)
        return self._topics_by_category[category_id]

    def page_of(self, topic: dict) -> str:
        """The page that holds a topic's section: its category's page."""
        return self.category(topic["category"])["page"]

    def ways_back(self, category_id: str) -> list[dict]:
        """The process loop's ways back within a category: the diagram and its caption letter the same list."""
        inside = {t["id"] for t in self.topics_in(category_id)}
        return [loop for loop in self.section("process_loop") if loop["from"] in inside and loop["to"] in inside]

    def handoffs_in(self, category_id: str) -> list[dict]:
        inside = {t["id"] for t in self.topics_in(category_id)}
        return [h for h in self.handoffs if h["from"] in inside and h["to"] in inside]

    @cached_property
    def ownership(self) -> dict[str, dict[str, dict]]:
        """stage id -> role id -> {level, why}."""
        return {row["stage"]: {k: v for k, v in row.items() if k != "stage"} for row in self.require("ownership")}

    def level_of(self, stage_id: str, role_id: str) -> str:
        return self.ownership[stage_id][role_id]["level"]

    def skills_for(self, role_id: str, stage: str | None = None) -> list[dict]:
        """A role's skills, optionally only those it needs at one stage of its roadmap."""
        return [s for s in self.require("skills")
                if role_id in s["roles"] and (stage is None or s["roles"][role_id]["stage"] == stage)]

    # --- an LLM application's stages (compare/ai-engineering.md) ------------------------------

    # Each stage has a {level, why} cell per role of `llm_roles`; empty when the file leaves them out.
    llm_stages = property(lambda self: self.section("llm_stages"))

    @property
    def llm_roles(self) -> list[dict]:
        """The roles the LLM stages compare, in column order: the two main roles, then the AI engineer."""
        by_id = {role["id"]: role for role in self.all_roles}
        return [by_id[role_id] if role_id in by_id else self.neighbour(role_id) for role_id in LLM_ROLES]

    # --- team designs (compare/team-designs.md) -----------------------------------------------

    # Each design splits every stage between the two main roles; empty when the file leaves them out.
    designs = property(lambda self: self.section("team_designs"))

    def design(self, design_id: str) -> dict:
        return self._find("designs", design_id)

    @cached_property
    def _design_rows(self) -> dict[str, dict[str, dict]]:
        return {d["id"]: {row["stage"]: row for row in d["ownership"]} for d in self.designs}

    def design_cell(self, design_id: str, stage_id: str, role_id: str) -> dict:
        """The {level, why} a design gives one main role at one stage (the checks guarantee it exists)."""
        self.design(design_id)
        return self._design_rows[design_id][stage_id][role_id]

    # --- the hiring kit (guides/hiring.md) -----------------------------------------------------

    # What a panel should see at each level, in the order of `levels`; empty when the file leaves it out.
    scoring = property(lambda self: self.section("scoring"))

    def interview_loop(self, role_id: str) -> dict:
        return self._find("interview_loops", role_id)

    @staticmethod
    def tools_for(skill: dict, role_id: str) -> str:
        """A skill's shared tools, then those only this role adds: each role's own clause, no one else's."""
        own = skill["roles"].get(role_id, {}).get("tools", "")
        return "; ".join(part for part in (skill.get("tools", ""), own) if part)
