"""python -m fieldguide.bench: the site's build time, the hook's share of it, and how both grow.

A benchmark, not a test: it prints numbers for a person to read. Each build runs
in a fresh Python process, as `mkdocs build --strict` does, on a copy of the
project taken once at the start, so edits made meanwhile cannot change the
numbers or break a build halfway. The larger sizes repeat every topic with ids
suffixed -copy-2, -copy-3, ...; each copy stays in its category, so it gets a
section on its category's page like the original.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("mkdocs.yml", "zensical.yml", "docs", "hooks", "data", "overrides")
FACTORS = (1, 10, 100, 1000)
RUNS = 3
ONE_RUN_AFTER = 60.0  # seconds: past this, 3 runs of one size would take over ~3 minutes
HOOK_BUDGET = 0.10  # the hook may take at most this share of a build at today's size
LINEAR_SLACK = 1.5  # per-topic cost may rise this much between sizes before we call it worse than linear
# What the hook imports, timed after MkDocs' own imports so shared ones (yaml, markdown) are not charged to it.
HOOK_IMPORTS = ("fieldguide.extension", "fieldguide.blocks.markers", "fieldguide.publish.finish")


# --- synthetic data ------------------------------------------------------------------------


def multiply_topics(data: dict, factor: int) -> dict:
    """The data with every topic followed by factor - 1 copies in the same category.

    Copies are deep, so the YAML written from them has no aliases (&id001, *id001)
    that would make the big files shorter, and cheaper to parse, than real ones."""
    topics = []
    for topic in data["topics"]:
        topics.append(topic)
        for n in range(2, factor + 1):
            topics.append({**copy.deepcopy(topic), "id": f"{topic['id']}-copy-{n}", "title": f"{topic['title']} (copy {n})"})
    return {**data, "topics": topics}


def copy_project(source: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / part, target / part)
    return target


def make_project(snapshot: Path, target: Path, factor: int) -> Path:
    """A copy of the snapshot whose data holds factor times the topics, each with a section."""
    project = copy_project(snapshot, target)
    if factor == 1:
        return project  # today's site, byte for byte
    data_file = project / "data" / "roles.yml"
    data = multiply_topics(yaml.safe_load(data_file.read_text(encoding="utf-8")), factor)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # the C dumper writes 1000x in seconds
    data_file.write_text(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    add_topic_markers(project / "docs", data)
    return project


def add_topic_markers(docs: Path, data: dict) -> None:
    """The hook fails a build unless every topic is rendered exactly once. A page with
    <!-- topics: CATEGORY --> renders its copies by itself; a page that places each
    topic by hand (<!-- topic: ID -->) gets a marker for each copy at its end."""
    for category in data["categories"]:
        page = docs / category["page"]
        text = page.read_text(encoding="utf-8")
        if re.search(rf"^<!--\s*topics:\s*{re.escape(category['id'])}\s*-->", text, re.MULTILINE):
            continue
        placed = set(re.findall(r"^<!--\s*topic:\s*(\S+)\s*-->", text, re.MULTILINE))
        missing = [t["id"] for t in data["topics"] if t["category"] == category["id"] and t["id"] not in placed]
        page.write_text(text + "".join(f"\n<!-- topic: {i} -->\n" for i in missing), encoding="utf-8")


# --- one build, in a fresh process ------------------------------------------------------------


def measure_build(project: Path, site_dir: Path) -> dict:
    """What `mkdocs build --strict` does (mkdocs/__main__.py, build_command), with the
    hook's import and every call of its event functions timed. Seconds by part."""
    spent = {"import": _time_imports()}
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    _time_hook_events(config, spent)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return spent


def _time_imports() -> float:
    started = time.perf_counter()
    for name in HOOK_IMPORTS:
        __import__(name)
    return time.perf_counter() - started


def _time_hook_events(config, spent: dict) -> None:
    # MkDocs registered the hook's functions in config.plugins.events while loading the
    # config, so wrapping the module's attributes now would change nothing: swap the
    # registered entries instead, in place, which keeps their order (priorities).
    for module in config.hooks.values():
        for event, functions in config.plugins.events.items():
            for i, function in enumerate(functions):
                if function is getattr(module, f"on_{event}", None):
                    functions[i] = _timed(function, event, spent)


def _timed(function, event: str, spent: dict):
    @functools.wraps(function)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[event] = spent.get(event, 0.0) + time.perf_counter() - started

    return timed


def build_once(project: Path) -> tuple[float, dict]:
    """Wall seconds of one build (interpreter start included, as for the mkdocs command)
    and the hook's seconds by part. Python imports fieldguide from the copy, whose
    paths point at the copy's data."""
    site_dir = project / "site"
    shutil.rmtree(site_dir, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "fieldguide.bench", "--measure", str(site_dir)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the build of {project.name} failed:\n{result.stderr[-3000:]}")
    return wall, json.loads(result.stdout.splitlines()[-1])


# --- sizes, table, verdict ----------------------------------------------------------------------


@dataclass
class Size:
    factor: int
    topics: int
    runs: int
    build: float  # median wall seconds of a whole build
    hook: float  # median seconds inside the hook
    parts: dict  # median hook seconds by part (import, pre_build, page_markdown, ...)

    @property
    def share(self) -> float:
        return self.hook / self.build

    def per_1000(self, seconds: float) -> float:
        return seconds / self.topics * 1000


def bench_size(snapshot: Path, work: Path, factor: int, topics_today: int) -> Size:
    project = make_project(snapshot, work / f"x{factor}", factor)
    runs = [build_once(project)]
    while len(runs) < RUNS and runs[0][0] <= ONE_RUN_AFTER:
        runs.append(build_once(project))
    shutil.rmtree(project)  # 1000x leaves a large site behind
    parts = {name: statistics.median(r[1].get(name, 0.0) for r in runs) for name in runs[0][1]}
    hook = statistics.median(sum(r[1].values()) for r in runs)
    return Size(factor, topics_today * factor, len(runs), statistics.median(r[0] for r in runs), hook, parts)


def table(sizes: list[Size]) -> str:
    header = ["size", "topics", "runs", "build s", "hook s", "hook %", "build s/1k topics", "hook s/1k topics"]
    rows = [
        [_name(s), str(s.topics), str(s.runs), f"{s.build:.2f}", f"{s.hook:.2f}", f"{s.share:.1%}",
         f"{s.per_1000(s.build):.2f}", f"{s.per_1000(s.hook):.3f}"]
        for s in sizes
    ]
    return _aligned(header, rows)


def parts_table(sizes: list[Size]) -> str:
    """Where the hook's time goes, so the part that grows fastest is plain to see."""
    names = ["import", "pre_build", "page_markdown", "page_context", "post_build"]
    rows = [[_name(s), *(f"{s.parts.get(n, 0.0):.3f}" for n in names)] for s in sizes]
    return _aligned(["hook s by part", *names], rows)


def _name(size: Size) -> str:
    return "today" if size.factor == 1 else f"{size.factor}x"


def _aligned(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    # Names to the left, numbers to the right.
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
             for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def growth(sizes: list[Size], seconds) -> tuple[float, str]:
    """The largest rise in per-topic cost from one size to the next, and where it happened.
    Fixed costs make the per-topic cost fall while growth is linear; a rise means worse."""
    steps = [(seconds(b) / b.topics / (seconds(a) / a.topics), f"{a.factor}x->{b.factor}x") for a, b in zip(sizes, sizes[1:])]
    return max(steps)


def verdict(sizes: list[Size]) -> str:
    today = sizes[0]  # the smallest size measured: today's unless the command line said otherwise
    within = "within" if today.share <= HOOK_BUDGET else "OVER"
    words = []
    for name, seconds in (("build", lambda s: s.build), ("hook", lambda s: s.hook), ("rest", lambda s: s.build - s.hook)):
        rise, where = growth(sizes, seconds)
        kind = "linear" if rise <= LINEAR_SLACK else "WORSE than linear"
        words.append(f"{name} {kind} (per-topic cost x{rise:.2f} {where})")
    at = "today's size" if today.factor == 1 else f"{today.factor}x"
    return (f"Verdict: the hook is {today.share:.1%} of the build at {at}, {within} the "
            f"{HOOK_BUDGET:.0%} budget; growth: " + ", ".join(words) + ".")


def report(sizes: list[Size]) -> str:
    notes = [
        f"build s: wall time of `mkdocs build --strict` in a fresh process, median of {RUNS} runs",
        f"  (1 run for a size whose first build took over {ONE_RUN_AFTER:.0f} s; see 'runs').",
        "hook s: the hook's import plus every call of its event functions: load and",
        "  validate the data, expand markers, assemble the print page, write the downloads and the zip.",
        "  rest = build s - hook s: MkDocs, Markdown, the theme and the other plugins.",
        f"Growth counts as linear while the per-topic cost rises at most x{LINEAR_SLACK} from one size to the next.",
    ]
    lines = [table(sizes), "", parts_table(sizes), "", *notes]
    if len(sizes) > 1:
        lines += ["", verdict(sizes)]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--measure"]:  # the child process of build_once
        print(json.dumps(measure_build(Path.cwd(), Path(argv[1]))))
        return 0
    factors = [int(a) for a in argv] or list(FACTORS)
    with tempfile.TemporaryDirectory(prefix="fieldguide-bench-") as tmp:
        work = Path(tmp)
        snapshot = copy_project(ROOT, work / "snapshot")
        topics_today = len(yaml.safe_load((snapshot / "data" / "roles.yml").read_text(encoding="utf-8"))["topics"])
        sizes = []
        for factor in factors:
            print(f"building with {factor}x the topics ...", file=sys.stderr, flush=True)
            sizes.append(bench_size(snapshot, work, factor, topics_today))
    print(report(sizes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
