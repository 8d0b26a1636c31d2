"""The hiring kit: a sample job description, interview questions, a typical loop and a scoring rubric.

All follow the skills roadmap, so a posting asks for, and a panel tests, what the guide says the role needs.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.errors import MarkerError
from ..core.markup import facts, joined, plain, rich, row, table
from ..model.guide import Guide
from .common import skill_link, sources_note
from .registry import Context, marker
from .skills import STAGES

# What a posting requires; the later stages are "good to have".
REQUIRED_STAGES = ("foundations", "core")
PLUS_STAGES = ("advanced",)


def job_description_text(ctx: Context, role: dict) -> str:
    """The sample job description as plain text, ready to paste into a job board."""
    description = ctx.guide.job_description(role["id"])
    required = _skill_lines(ctx, role, REQUIRED_STAGES)
    plus = _skill_lines(ctx, role, PLUS_STAGES)
    lines = [
        f"Job title: {role['name']}", "",
        "About the role", description["summary"], "",
        "What you will do", *(f"- {duty}" for duty in description["duties"]), "",
        "What you bring", *required,
    ]
    if plus:
        lines += ["", "Good to have", *plus]
    return "\n".join(" ".join(line.split()) for line in lines)


def _skill_lines(ctx: Context, role: dict, stages: tuple[str, ...]) -> list[str]:
    """"- Title (tools)" for each of the role's skills at these stages, in roadmap order."""
    lines = []
    for stage in stages:
        for skill in ctx.guide.skills_for(role["id"], stage):
            tools = Guide.tools_for(skill, role["id"])
            lines.append(f"- {skill['title']}" + (f" ({tools})" if tools else ""))
    return lines


@marker("job-description", arg="ROLE")
def build_job_description(ctx: Context, role: dict) -> Markup:
    text = job_description_text(ctx, role)
    return Markup('<div class="fg-jd"><pre class="fg-jd-text"><code>{}</code></pre></div>').format(plain_lines(text))


def plain_lines(text: str) -> Markup:
    """Plain text as HTML, keeping its line breaks (plain() folds them), so a copy pastes as a list."""
    return Markup("\n").join(plain(line) if line.strip() else Markup("") for line in text.split("\n"))


@marker("interview-signals", arg="ROLE")
def build_interview_signals(ctx: Context, role: dict) -> Markup:
    """For each of the role's skills that has a `probe`, in roadmap order: what to ask about."""
    items = [
        Markup("<li><strong>{}</strong> ({}): {}</li>").format(skill_link(ctx, skill), STAGES[stage].lower(), rich(skill["probe"]))
        for stage in STAGES
        for skill in ctx.guide.skills_for(role["id"], stage)
        if skill.get("probe")
    ]
    if not items:
        raise MarkerError(f"no skill of '{role['id']}' has a `probe` to ask about")
    return Markup('<ul class="fg-probes">\n{}\n</ul>').format(Markup("\n").join(items))


# --- the interview loop and its scoring ----------------------------------------------------------


@marker("interview-loop", arg="ROLE")
def build_interview_loop(ctx: Context, role: dict) -> Markup:
    """The stages of a typical loop for the role, in order: what each tests, a question, a strong answer."""
    loop = ctx.guide.interview_loop(role["id"])
    stages = Markup("\n").join(_loop_stage(ctx, stage) for stage in loop["stages"])
    return (Markup('<ol class="fg-loop">\n{}\n</ol>\n').format(stages)
            + sources_note(ctx, loop["sources"], lead="Stages as interview guides describe them", end="."))


def _loop_stage(ctx: Context, stage: dict) -> Markup:
    skills = joined([skill_link(ctx, ctx.guide.skill(skill_id)) for skill_id in stage["skills"]])
    items = [
        ("What it tests", Markup("{} Roadmap: {}.").format(rich(stage["tests"]), skills)),
        ("Sample question", rich(stage["question"])),
        ("A strong answer", rich(stage["strong"])),
    ]
    return Markup("<li><p><strong>{}</strong></p>{}</li>").format(plain(stage["title"]), facts(items, "fg-roles"))


@marker("scoring")
def build_scoring(ctx: Context) -> Markup:
    """One row per level, in the order of `levels`: the signals a panel should see at that level."""
    signals = {entry["level"]: entry["signals"] for entry in ctx.guide.require("scoring")}
    rows = [
        row(plain(level["title"]), [_bullets(signals.get(level["id"], []))])
        for level in ctx.guide.require("levels")
    ]
    return table("What a panel should see at each level", ["Level", "Signals the panel can agree on"], rows)


def _bullets(texts: list[str]) -> Markup:
    if not texts:
        return Markup("–")
    return Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(rich(t)) for t in texts))
