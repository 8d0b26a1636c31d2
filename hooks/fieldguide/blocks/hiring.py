"""The hiring kit: a sample job description and interview questions for each role.

Both follow the skills roadmap, so a posting asks for what the guide says the role needs.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.errors import MarkerError
from ..core.markup import plain, rich
from .common import skill_link
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
    return [
        f"- {skill['title']}" + (f" ({skill['tools']})" if skill.get("tools") else "")
        for stage in stages
        for skill in ctx.guide.skills_for(role["id"], stage)
    ]


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
