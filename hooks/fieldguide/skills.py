"""Skills, levels, hiring kit and job-posting signals: their checks and their generated blocks.

The data lives in data/roles.yml under `skills`, `levels`, `job_descriptions`,
`assessment` and `signals`. `problems()` cross-checks it (wired into
load.load_data); the `build_*` functions render it for the pages; the two
in-browser tools get their data inlined as a classic script that sets a global.
"""

from __future__ import annotations

import json
import re

from .guide import SOURCES_PAGE, source_anchor
from .load import Problem, unique_ids, unknown
from .text import href, html_table, markdown_text, plain, rich

SKILLS_PAGE = "compare/skills.md"
HIRING_PAGE = "guides/hiring.md"
READER_PAGE = "guides/read-a-job-posting.md"
CHOOSING_PAGE = "guides/choosing-a-role.md"

STAGES = {"foundations": "Foundations", "core": "Core", "advanced": "Advanced"}
KINDS = {
    "data_scientist": "Data scientist",
    "ml_engineer": "ML engineer",
    "analyst": "Data analyst",
    "data_engineer": "Data engineer",
}
# Analyse at most this much of a pasted posting; the script says so when it cuts.
READER_LIMIT = 20_000


def skill_anchor(skill_id: str) -> str:
    return f"skill-{skill_id}"


# --- checks ---------------------------------------------------------------------------------------


def problems(data: dict) -> list[Problem]:
    """Duplicate ids, unknown references and patterns that would not run in both Python and browsers."""
    found: list[Problem] = []
    topics = {t["id"] for t in data["topics"]}
    sources = {s["id"] for s in data["sources"]}
    skills = set(unique_ids(data.get("skills", []), "skills", found))
    unique_ids(data.get("levels", []), "levels", found)
    unique_ids(data.get("signals", []), "signals", found)
    for i, skill in enumerate(data.get("skills", [])):
        if not skill["roles"]:
            found.append(Problem(("skills", i, "roles"), "name at least one role that needs this skill"))
        for j, topic in enumerate(skill.get("topics", [])):
            if topic not in topics:
                found.append(Problem(("skills", i, "topics", j), unknown("topic", topic, sorted(topics))))
    for i, level in enumerate(data.get("levels", [])):
        for j, source in enumerate(level["sources"]):
            if source not in sources:
                found.append(Problem(("levels", i, "sources", j), unknown("source", source, sorted(sources))))
    roles_seen: dict[str, int] = {}
    for i, description in enumerate(data.get("job_descriptions", [])):
        if description["role"] in roles_seen:
            found.append(Problem(("job_descriptions", i, "role"), f"a second job description for '{description['role']}'"))
        roles_seen.setdefault(description["role"], i)
    statements = data.get("assessment", [])
    for role in ("data_scientist", "ml_engineer"):
        if statements and not any(s["role"] == role for s in statements):
            found.append(Problem(("assessment",), f"no statement points to {role}; the self-assessment needs both roles"))
    for i, signal in enumerate(data.get("signals", [])):
        found += _signal_problems(i, signal, skills, topics)
    return found


def _signal_problems(i: int, signal: dict, skills: set, topics: set) -> list[Problem]:
    found = []
    where = ("signals", i)
    targets = [key for key in ("skill", "topic") if key in signal]
    if len(targets) != 1:
        found.append(Problem(where, "point to exactly one skill or topic, with `skill:` or `topic:`"))
    elif signal.get("skill") is not None and signal["skill"] not in skills:
        found.append(Problem(where + ("skill",), unknown("skill", signal["skill"], sorted(skills))))
    elif signal.get("topic") is not None and signal["topic"] not in topics:
        found.append(Problem(where + ("topic",), unknown("topic", signal["topic"], sorted(topics))))
    if isinstance(signal["weight"], bool):
        found.append(Problem(where + ("weight",), "expected 1, 2 or 3, got true or false"))
    message = pattern_problem(signal["pattern"])
    if message:
        found.append(Problem(where + ("pattern",), message))
    return found


# Syntax Python accepts but browsers do not (or read differently): refused, so the two never disagree.
_NOT_PORTABLE = [
    (re.compile(r"\(\?<[=!]"), "lookbehind `(?<=` or `(?<!`"),
    (re.compile(r"\(\?P|\(\?<[A-Za-z]"), "a named group"),
    (re.compile(r"\(\?[aiLmsux-]+[:)]"), "an inline flag such as `(?i)`"),
    (re.compile(r"\(\?[>#(]"), "an atomic group, comment or conditional"),
    (re.compile(r"[*+?}][+]"), "a possessive quantifier such as `a*+`"),
    (re.compile(r"\\[AZzGpPN]"), "an escape only Python knows (`\\A`, `\\Z`, `\\p`, ...)"),
    (re.compile(r"\{,"), "a quantifier without a lower bound, `{,n}`"),
]


def pattern_problem(pattern: str) -> str | None:
    """Why a signal's pattern cannot be used, or None when it is fine in Python and JavaScript."""
    unescaped = re.sub(r"\\\\", "", pattern)  # an escaped backslash starts nothing
    for rule, name in _NOT_PORTABLE:
        if rule.search(unescaped):
            return f"the pattern uses {name}, which browsers do not read the same way; rewrite it without"
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        return f"the pattern does not compile: {error}"
    if compiled.fullmatch(""):
        return "the pattern matches empty text; every posting would match it"
    return None


# --- look-ups ---------------------------------------------------------------------------------------


def _skills(ctx: Context) -> list[dict]:
    skills = ctx.guide.data.get("skills")
    if not skills:
        raise MarkerError("the data file has no skills")
    return skills


def _role(ctx: Context, role_id: str) -> dict:
    if not role_id:
        raise MarkerError("name a role, as in <!-- levels: data_scientist -->")
    return ctx.guide.role(role_id)


def _first_stage(skill: dict) -> str:
    return min((r["stage"] for r in skill["roles"].values()), key=list(STAGES).index)


def _is_shared(skill: dict) -> bool:
    return len(skill["roles"]) > 1


def _skills_for(ctx: Context, role_id: str, stage: str | None = None) -> list[dict]:
    return [
        s for s in _skills(ctx)
        if role_id in s["roles"] and (stage is None or s["roles"][role_id]["stage"] == stage)
    ]


def _skill_link(ctx: Context, skill: dict) -> str:
    return f'<a href="{href(ctx.page, SKILLS_PAGE, skill_anchor(skill["id"]))}">{plain(skill["title"])}</a>'


def _topic_link(ctx: Context, topic_id: str) -> str:
    topic = ctx.guide.topic(topic_id)
    return f'<a href="{href(ctx.page, ctx.guide.page_of(topic), topic_id)}">{plain(topic["title"])}</a>'


_SHARED = ' <span class="fg-shared">Shared</span>'


# --- the roadmap ------------------------------------------------------------------------------------


def build_skills_roadmap(ctx: Context, args: str = "") -> str:
    """Each role's skills stage by stage, as linked lists styled as a roadmap, then the table."""
    columns = []
    for role in ctx.guide.roles:
        stages = []
        for number, (stage, title) in enumerate(STAGES.items(), start=1):
            chips = "".join(
                f'<li>{_skill_link(ctx, s)}{_SHARED if _is_shared(s) else ""}</li>'
                for s in _skills_for(ctx, role["id"], stage)
            )
            if chips:
                stages.append(
                    f'<li class="fg-stage"><p class="fg-stage-name"><span class="fg-stage-number">{number}</span> '
                    f'{title}</p><ul class="fg-chips">{chips}</ul></li>'
                )
        columns.append(
            f'<div class="fg-roadmap-role"><p class="fg-roadmap-title">{plain(role["name"])}</p>'
            f'<ol class="fg-stages" aria-label="{plain(role["name"])}: skills in order">{"".join(stages)}</ol></div>'
        )
    roadmap = f'<div class="fg-roadmap">\n{"".join(columns)}\n</div>'
    return roadmap + "\n\n" + _skills_table(ctx)


def _skills_table(ctx: Context) -> str:
    rows = []
    for stage in STAGES:
        for skill in (s for s in _skills(ctx) if _first_stage(s) == stage):
            cells = "".join(
                f'<td>{STAGES[skill["roles"][r["id"]]["stage"]] if r["id"] in skill["roles"] else "Not on this roadmap"}</td>'
                for r in ctx.guide.roles
            )
            shared = _SHARED if _is_shared(skill) else ""
            rows.append(f'<tr><th scope="row">{_skill_link(ctx, skill)}{shared}</th>{cells}</tr>')
    names = [plain(r["name"]) for r in ctx.guide.roles]
    return html_table("Every skill and the stage at which each role needs it", ["Skill", *names], rows)


def build_skills(ctx: Context, stage: str) -> str:
    """One `###` section per skill whose earliest stage is STAGE, anchored at #skill-ID."""
    if ctx.page != SKILLS_PAGE:
        raise MarkerError(f"skill sections belong on {SKILLS_PAGE}, where every link to them points")
    if stage not in STAGES:
        raise MarkerError(f"unknown stage '{stage}'; expected one of: {', '.join(STAGES)}")
    sections = [_skill_section(ctx, s) for s in _skills(ctx) if _first_stage(s) == stage]
    return "\n\n".join(sections)


def _skill_section(ctx: Context, skill: dict) -> str:
    facts = [("What it is", rich(skill["what"]))]
    for role in ctx.guide.roles:
        need = skill["roles"].get(role["id"])
        if need:
            facts.append((f"{plain(role['name'])}: {STAGES[need['stage']].lower()} stage", rich(need["why"])))
    facts.append(("One way to show it", rich(skill["show"])))
    if skill.get("tools"):
        facts.append(("Tools and terms", plain(skill["tools"])))
    if skill.get("topics"):
        facts.append(("In this guide", ", ".join(_topic_link(ctx, t) for t in skill["topics"])))
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    shared = '<p class="fg-shared-note"><span class="fg-shared">Shared</span> Both roles need this.</p>' if _is_shared(skill) else ""
    heading = f"### {markdown_text(skill['title'])} {{ #{skill_anchor(skill['id'])} }}"
    return f'{heading}\n\n<div class="fg-skill">{shared}<dl class="fg-roles">{items}</dl></div>'


# --- levels ------------------------------------------------------------------------------------------


def build_levels(ctx: Context, role_id: str) -> str:
    role = _role(ctx, role_id)
    levels = ctx.guide.data.get("levels")
    if not levels:
        raise MarkerError("the data file has no levels")
    rows = []
    for level in levels:
        facts = level["roles"][role["id"]]
        cells = "".join(f"<td>{rich(facts[k])}</td>" for k in ("scope", "autonomy", "deliverables"))
        rows.append(f'<tr><th scope="row">{plain(level["title"])}</th>{cells}</tr>')
    table = html_table(f"{plain(role['name'])}: what each level tends to look like", ["Level", "Scope", "Autonomy", "Typical deliverables"], rows)
    cited = list(dict.fromkeys(s for level in levels for s in level["sources"]))
    links = ", ".join(
        f'<a href="{href(ctx.page, SOURCES_PAGE, source_anchor(s))}">{plain(ctx.guide.source(s)["publisher"] + ": " + ctx.guide.source(s)["title"])}</a>'
        for s in cited
    )
    return f'{table}\n<p class="fg-sources">Drawn from: {links}.</p>'


# --- hiring kit ----------------------------------------------------------------------------------------


def job_description_text(ctx: Context, role_id: str) -> str:
    """The sample job description as plain text, ready to paste into a job board."""
    role = _role(ctx, role_id)
    description = next((d for d in ctx.guide.data.get("job_descriptions", []) if d["role"] == role["id"]), None)
    if description is None:
        raise MarkerError(f"the data file has no job description for '{role['id']}'")
    def skill_line(skill: dict) -> str:
        return f"- {skill['title']}" + (f" ({skill['tools']})" if skill.get("tools") else "")
    required = [skill_line(s) for stage in ("foundations", "core") for s in _skills_for(ctx, role["id"], stage)]
    plus = [skill_line(s) for s in _skills_for(ctx, role["id"], "advanced")]
    lines = [
        f"Job title: {role['name']}", "",
        "About the role", description["summary"], "",
        "What you will do", *(f"- {duty}" for duty in description["duties"]), "",
        "What you bring", *required,
    ]
    if plus:
        lines += ["", "Good to have", *plus]
    return "\n".join(" ".join(line.split()) for line in lines)


def build_job_description(ctx: Context, role_id: str) -> str:
    text = job_description_text(ctx, role_id)
    return f'<div class="fg-jd"><pre class="fg-jd-text"><code>{plain_lines(text)}</code></pre></div>'


def plain_lines(text: str) -> str:
    """Plain text as HTML, keeping its line breaks (plain() folds them)."""
    return "\n".join(plain(line) if line.strip() else "" for line in text.split("\n"))


def build_interview_signals(ctx: Context, role_id: str) -> str:
    role = _role(ctx, role_id)
    items = [
        f'<li><strong>{_skill_link(ctx, s)}</strong> ({STAGES[s["roles"][role["id"]]["stage"]].lower()}): {rich(s["probe"])}</li>'
        for stage in STAGES for s in _skills_for(ctx, role["id"], stage) if s.get("probe")
    ]
    if not items:
        raise MarkerError(f"no skill of '{role['id']}' has a `probe` to ask about")
    return '<ul class="fg-probes">\n' + "\n".join(items) + "\n</ul>"


# --- the job-posting reader -------------------------------------------------------------------------


def _signal_target(ctx: Context, signal: dict) -> tuple[str, str]:
    """(link, title) of the section that explains a signal."""
    if signal.get("skill"):
        skill = next(s for s in _skills(ctx) if s["id"] == signal["skill"])
        return href(ctx.page, SKILLS_PAGE, skill_anchor(skill["id"])), plain(skill["title"])
    topic = ctx.guide.topic(signal["topic"])
    return href(ctx.page, ctx.guide.page_of(topic), topic["id"]), plain(topic["title"])


def _signals(ctx: Context) -> list[dict]:
    signals = ctx.guide.data.get("signals")
    if not signals:
        raise MarkerError("the data file has no signals")
    return signals


def build_signals(ctx: Context, args: str = "") -> str:
    """Every signal as a table: what the reader looks for, whose work it points to, and where it is explained."""
    rows = []
    for kind, name in KINDS.items():
        for signal in (s for s in _signals(ctx) if s["kind"] == kind):
            link, title = _signal_target(ctx, signal)
            rows.append(
                f'<tr><th scope="row">{plain(signal["label"])}</th><td>{name}</td>'
                f'<td>{signal["weight"]}</td><td><a href="{link}">{title}</a></td></tr>'
            )
    return html_table("The phrases the reader looks for", ["Phrase", "Points to", "Weight", "Explained in"], rows)


def reader_data(ctx: Context) -> dict:
    signals = []
    for signal in _signals(ctx):
        link, title = _signal_target(ctx, signal)
        signals.append({
            "id": signal["id"], "label": " ".join(signal["label"].split()), "pattern": signal["pattern"],
            "kind": signal["kind"], "weight": signal["weight"], "href": link, "section": title,
        })
    return {
        "limit": READER_LIMIT,
        "kinds": KINDS,
        "signals": signals,
        "pages": {
            "data_scientist": href(ctx.page, ctx.guide.role("data_scientist")["page"]),
            "ml_engineer": href(ctx.page, ctx.guide.role("ml_engineer")["page"]),
            "mixed": href(ctx.page, "guides/one-person-both-roles.md"),
            "other": href(ctx.page, HIRING_PAGE, "red-flags"),
        },
    }


def build_posting_reader(ctx: Context, args: str = "") -> str:
    """The reader's form, hidden until its script starts, and the signals it uses, inlined."""
    form = (
        '<div class="fg-tool fg-reader" hidden>\n'
        '<label class="fg-label">Job posting<br><small>Paste the whole text, duties included. '
        f"The first {READER_LIMIT:,} characters are read.</small>\n"
        '<textarea class="fg-posting" rows="10" spellcheck="false" autocomplete="off"></textarea></label>\n'
        '<p class="fg-actions"><button type="button" class="md-button md-button--primary fg-read">Read the posting</button> '
        '<button type="button" class="md-button fg-clear">Clear</button></p>\n'
        '<div class="fg-result" aria-live="polite"></div>\n'
        "</div>\n"
        '<p class="fg-needs-script"><em>The reader needs JavaScript, which is off or blocked here. '
        "The table of signals below lets you read a posting by eye.</em></p>"
    )
    return form + "\n" + inline_data("fieldguideSignals", reader_data(ctx))


def inline_data(name: str, value: dict) -> str:
    """A classic script assigning a global: survives instant navigation, never closes early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # No "<" at all, so neither "</script>" nor "<!--" can occur; still valid JSON and JavaScript.
    text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"<script>window.{name}={text};</script>"


# --- the self-assessment ----------------------------------------------------------------------------------


def build_self_assessment(ctx: Context, args: str = "") -> str:
    """The statements as a numbered list (the page without JavaScript) and, inlined, what each points to."""
    statements = ctx.guide.data.get("assessment")
    if not statements:
        raise MarkerError("the data file has no assessment statements")
    items = "\n".join(f"<li>{plain(s['text'])}</li>" for s in statements)
    roles = {}
    for role in ctx.guide.roles:
        first = next(s for s in _skills(ctx) if role["id"] in s["roles"])
        roles[role["id"]] = {
            "name": role["name"],
            "next": [
                {"label": f"The {role['name'].lower().replace('ml ', 'ML ')} page", "href": href(ctx.page, role["page"])},
                {"label": "Where to start on the skills roadmap", "href": href(ctx.page, SKILLS_PAGE, skill_anchor(first["id"]))},
                {"label": "What to learn first on this path", "href": href(ctx.page, ctx.page, "learn-" + role["id"].replace("_", "-"))},
            ],
        }
    data = {
        "statements": [{"text": " ".join(s["text"].split()), "role": s["role"]} for s in statements],
        "roles": roles,
        "mixed": [
            {"label": "One person, both roles", "href": href(ctx.page, "guides/one-person-both-roles.md")},
            {"label": "The skills both roles share", "href": href(ctx.page, SKILLS_PAGE, "roadmap")},
        ],
    }
    return (
        f'<ol class="fg-statements">\n{items}\n</ol>\n'
        '<div class="fg-tool fg-assessment" hidden></div>\n' + inline_data("fieldguideAssessment", data)
    )


# Last, not first: render.py registers the builders above, so whichever of the two modules is
# imported first, the other finds everything it needs already defined.
from .render import Context, MarkerError  # noqa: E402
