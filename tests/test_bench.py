"""The benchmark's synthetic data: more topics, unique ids, still valid, every copy placed on its page."""

from __future__ import annotations

from collections import Counter

from conftest import ROOT
from fieldguide.bench import make_project, multiply_topics
from fieldguide.blocks.registry import MARKER
from fieldguide.model.load import load_data


def test_multiply_topics_copies_each_topic_into_its_category(valid_data):
    before = len(valid_data["topics"])
    bigger = multiply_topics(valid_data, 3)
    ids = [t["id"] for t in bigger["topics"]]
    assert len(ids) == len(set(ids)) == 3 * before
    assert {"python-or-r", "python-or-r-copy-2", "python-or-r-copy-3"} <= set(ids)
    per_category = Counter(t["category"] for t in valid_data["topics"])
    assert Counter(t["category"] for t in bigger["topics"]) == {c: 3 * n for c, n in per_category.items()}
    assert len(valid_data["topics"]) == before  # the input is left alone


def test_synthetic_project_validates_and_places_every_topic(tmp_path):
    project = make_project(ROOT, tmp_path / "x3", 3)
    data = load_data(project / "data" / "roles.yml")
    assert "*id0" not in (project / "data" / "roles.yml").read_text(encoding="utf-8")  # no YAML aliases: real-sized text
    placed = Counter()
    for category in data["categories"]:
        markers = [(m["name"], (m["args"] or "").strip())
                   for m in MARKER.finditer((project / "docs" / category["page"]).read_text(encoding="utf-8"))]
        topics = [t["id"] for t in data["topics"] if t["category"] == category["id"]]
        if ("topics", category["id"]) in markers:
            placed.update(topics)
        placed.update(args for name, args in markers if name == "topic")
    assert placed == Counter(t["id"] for t in data["topics"])  # each topic exactly once, as the hook demands
