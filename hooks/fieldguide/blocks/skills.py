"""The skills roadmap, one section per skill, and the levels tables, from `skills` and `levels`.

Each role needs a skill at one of three stages; a skill shown on the roadmap links to
its section on the skills page (#skill-ID), which sits under its earliest stage.
"""

from __future__ import annotations

from markupsafe import Markup

from ..core.errors import MarkerError
from ..core.markup import facts, heading, joined, plain, rich, row, table
from ..core.pages import SKILLS, skill_section
from .common import SHARED_BADGE, SHARED_NOTE, skill_link, sources_note, topic_link
from .registry import Context, marker

# The roadmap's stages, in order, with the names the pages show.
STAGES = {"foundations": "Foundations", "core": "Core", "advanced": "Advanced"}
NOT_ON_ROADMAP = "Not on this roadmap"


def first_stage(skill: dict) -> str:
    """The earliest stage at which any role needs the skill: where its section goes."""
    return min((need["stage"] for need in skill["roles"].values()), key=list(STAGES).index)


def is_shared(skill: dict) -> bool:
    return len(skill["roles"]) > 1


def _badged(ctx: Context, skill: dict) -> Markup:
    """A link to the skill's section, marked when both roles need it."""
    return skill_link(ctx, skill) + (SHARED_BADGE if is_shared(skill) else "")


def _starting_at(ctx: Context, stage: str) -> list[dict]:
    return [skill for skill in ctx.guide.require("skills") if first_stage(skill) == stage]


# --- the roadmap ------------------------------------------------------------------------------


@marker("skills-roadmap")
def build_skills_roadmap(ctx: Context) -> Markup:
    """Each role's skills stage by stage, as linked lists styled as a roadmap, then the table."""
    columns = Markup("").join(_roadmap_column(ctx, role) for role in ctx.guide.roles)
    roadmap = Markup('<div class="fg-roadmap">\n{}\n</div>').format(columns)
    return roadmap + Markup("\n\n") + _skills_table(ctx)


def _roadmap_column(ctx: Context, role: dict) -> Markup:
    stages = []
    for number, (stage, title) in enumerate(STAGES.items(), start=1):
        skills = ctx.guide.skills_for(role["id"], stage)
        if skills:
            chips = Markup("").join(Markup("<li>{}</li>").format(_badged(ctx, skill)) for skill in skills)
            stages.append(Markup(
                '<li class="fg-stage"><p class="fg-stage-name"><span class="fg-stage-number">{}</span> {}</p>'
                '<ul class="fg-chips">{}</ul></li>'
            ).format(number, title, chips))
    return Markup(
        '<div class="fg-roadmap-role"><p class="fg-roadmap-title">{name}</p>'
        '<ol class="fg-stages" aria-label="{name}: skills in order">{stages}</ol></div>'
    ).format(name=plain(role["name"]), stages=Markup("").join(stages))


def _skills_table(ctx: Context) -> Markup:
    roles = ctx.guide.roles
    rows = [
        row(_badged(ctx, skill), [_stage_name(skill, role) for role in roles])
        for stage in STAGES
        for skill in _starting_at(ctx, stage)
    ]
    headers = ["Skill", *(plain(role["name"]) for role in roles)]
    return table("Every skill and the stage at which each role needs it", headers, rows)


def _stage_name(skill: dict, role: dict) -> str:
    need = skill["roles"].get(role["id"])
    return STAGES[need["stage"]] if need else NOT_ON_ROADMAP


# --- one section per skill ------------------------------------------------------------------------


@marker("skills", arg="STAGE", choices=tuple(STAGES))
def build_skills(ctx: Context, stage: str) -> Markup:
    """One `###` section per skill whose earliest stage is STAGE, anchored at #skill-ID."""
    if ctx.page != SKILLS.page:
        raise MarkerError(f"skill sections belong on {SKILLS.page}, where every link to them points")
    return Markup("\n\n").join(_skill_section(ctx, skill) for skill in _starting_at(ctx, stage))


def _skill_section(ctx: Context, skill: dict) -> Markup:
    items = [("What it is", rich(skill["what"]))]
    for role in ctx.guide.roles:
        need = skill["roles"].get(role["id"])
        if need:
            name = Markup("{}: {} stage").format(plain(role["name"]), STAGES[need["stage"]].lower())
            items.append((name, rich(need["why"])))
    items.append(("One way to show it", rich(skill["show"])))
    if skill.get("tools"):
        items.append(("Tools and terms", plain(skill["tools"])))
    if skill.get("topics"):
        items.append(("In this guide", joined([topic_link(ctx, topic) for topic in skill["topics"]])))
    title = heading(3, skill["title"], skill_section(skill["id"]).anchor)
    note = SHARED_NOTE if is_shared(skill) else ""
    return Markup('{}\n\n<div class="fg-skill">{}{}</div>').format(title, note, facts(items, "fg-roles"))


# --- levels ------------------------------------------------------------------------------------------


@marker("levels", arg="ROLE")
def build_levels(ctx: Context, role: dict) -> Markup:
    """What each level tends to look like for a role, with the career frameworks it is drawn from."""
    levels = ctx.guide.require("levels")
    rows = [
        row(plain(level["title"]), [rich(level["roles"][role["id"]][key]) for key in ("scope", "autonomy", "deliverables")])
        for level in levels
    ]
    caption = Markup("{}: what each level tends to look like").format(plain(role["name"]))
    levels_table = table(caption, ["Level", "Scope", "Autonomy", "Typical deliverables"], rows)
    cited = list(dict.fromkeys(source for level in levels for source in level["sources"]))
    return levels_table + Markup("\n") + sources_note(ctx, cited, lead="Drawn from", end=".", with_publisher=True)
