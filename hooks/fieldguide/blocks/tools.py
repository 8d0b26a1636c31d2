"""The two in-browser tools, the job-posting reader and the self-assessment, and the signals table.

Each tool's markup works as a page without JavaScript (a table, a numbered list); its
data is inlined as a classic script that sets a global, which survives instant
navigation. Hrefs in that data are relative to the page the tool is on.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from ..core.errors import MarkerError
from ..core.markup import fold, plain, row, table
from ..core.pages import ONE_PERSON, RED_FLAGS, SKILLS_ROADMAP, Section, learn_first, skill_section
from .common import in_sentence
from .registry import Context, marker

# Whose work a signal points to: the two roles and the neighbours a posting may really be for.
KINDS = {
    "data_scientist": "Data scientist",
    "ml_engineer": "ML engineer",
    "analyst": "Data analyst",
    "data_engineer": "Data engineer",
}
# Analyse at most this much of a pasted posting; the script says so when it cuts.
READER_LIMIT = 20_000


# Marks data the finishing step moves out of the page into a file read on first use (publish/tool_data.py).
ON_DEMAND = "data-on-demand"


def inline_data(name: str, value: dict, on_demand: bool = False) -> Markup:
    """A classic script assigning a global: survives instant navigation, never closes early.
    Data a tool needs only once the reader uses it is marked `on_demand`, to keep the page light."""
    if not name.isidentifier():
        raise MarkerError(f"'{name}' is not a JavaScript name")
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # No "<" at all, so neither "</script>" nor "<!--" can occur; still valid JSON and JavaScript.
    text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    # Safe as it is, and must not be HTML-escaped: a script's text is not decoded.
    return Markup(f"<script{' ' + ON_DEMAND if on_demand else ''}>window.{name}={text};</script>")


def _href(ctx: Context, section: Section) -> str:
    return ctx.href(section.page, section.anchor or None)


# --- the job-posting reader -------------------------------------------------------------------------


def _signal_target(ctx: Context, signal: dict) -> tuple[Section, str]:
    """The section that explains a signal, and its title."""
    if signal.get("skill"):
        skill = ctx.guide.skill(signal["skill"])
        return skill_section(skill["id"]), skill["title"]
    topic = ctx.guide.topic(signal["topic"])
    return Section(ctx.guide.page_of(topic), topic["id"]), topic["title"]


@marker("signals")
def build_signals(ctx: Context) -> Markup:
    """Every signal as a table: what the reader looks for, whose work it points to, and where it is explained."""
    signals = ctx.guide.require("signals")
    rows = []
    for kind, name in KINDS.items():
        for signal in (s for s in signals if s["kind"] == kind):
            section, title = _signal_target(ctx, signal)
            rows.append(row(plain(signal["label"]), [name, signal["role"], signal["weight"], ctx.link(section, plain(title))]))
    return table("The phrases the reader looks for", ["Phrase", "Points to", "Counts as", "Weight", "Explained in"], rows)


def reader_data(ctx: Context) -> dict:
    """What the reader's script needs: the signals, whose work each kind is, and where each verdict leads."""
    signals = []
    for signal in ctx.guide.require("signals"):
        section, title = _signal_target(ctx, signal)
        signals.append({
            "id": signal["id"], "label": fold(signal["label"]), "pattern": signal["pattern"],
            "kind": signal["kind"], "role": signal["role"], "weight": signal["weight"],
            "href": _href(ctx, section), "section": fold(title),
        })
    pages = {role["id"]: ctx.href(role["page"]) for role in ctx.guide.roles}
    pages |= {"mixed": _href(ctx, ONE_PERSON), "other": _href(ctx, RED_FLAGS)}
    return {"limit": READER_LIMIT, "kinds": KINDS, "signals": signals, "pages": pages, "rules": ctx.guide.reader_rules}


_READER_FORM = Markup(
    '<div class="fg-tool fg-reader" hidden>\n'
    '<label class="fg-label">Job posting<br><small>Paste the whole text, duties included. '
    "The first {limit} characters are read.</small>\n"
    '<textarea class="fg-posting" rows="10" spellcheck="false" autocomplete="off"></textarea></label>\n'
    '<p class="fg-actions"><button type="button" class="md-button md-button--primary fg-read">Read the posting</button> '
    '<button type="button" class="md-button fg-sample">Try a sample posting</button> '
    '<button type="button" class="md-button fg-clear">Clear</button></p>\n'
    '<div class="fg-result" aria-live="polite"></div>\n'
    "</div>\n"
    '<p class="fg-needs-script"><em>The reader needs JavaScript, which is off or blocked here. '
    "The table of signals below lets you read a posting by eye.</em></p>"
)


@marker("posting-reader")
def build_posting_reader(ctx: Context) -> Markup:
    """The reader's form, hidden until its script starts, and the signals it uses, read on first use."""
    form = _READER_FORM.format(limit=f"{READER_LIMIT:,}")
    return form + Markup("\n") + inline_data("fieldguideSignals", reader_data(ctx), on_demand=True)


# --- the self-assessment ----------------------------------------------------------------------------------


@marker("self-assessment")
def build_self_assessment(ctx: Context) -> Markup:
    """The statements as a numbered list (the page without JavaScript) and, inlined, what each points to."""
    statements = ctx.guide.require("assessment")
    items = Markup("\n").join(Markup("<li>{}</li>").format(plain(s["text"])) for s in statements)
    data = {
        "statements": [{"text": fold(s["text"]), "role": s["role"]} for s in statements],
        "roles": {role["id"]: _next_steps(ctx, role) for role in ctx.guide.roles},
        "mixed": [
            {"label": "One person, both roles", "href": _href(ctx, ONE_PERSON)},
            {"label": "The skills both roles share", "href": _href(ctx, SKILLS_ROADMAP)},
        ],
    }
    return Markup('<ol class="fg-statements">\n{}\n</ol>\n<div class="fg-tool fg-assessment" hidden></div>\n{}').format(
        items, inline_data("fieldguideAssessment", data))


def _next_steps(ctx: Context, role: dict) -> dict:
    """Where the assessment sends a reader who leans toward a role."""
    skills = ctx.guide.skills_for(role["id"])
    if not skills:
        raise MarkerError(f"no skill names role '{role['id']}', so the assessment has nowhere to start it")
    named = in_sentence(role["name"])  # "data scientist", but "ML engineer": the script never changes case
    return {
        "name": role["name"],
        "in_sentence": named,
        "next": [
            {"label": f"The {named} page", "href": ctx.href(role["page"])},
            {"label": "Where to start on the skills roadmap", "href": _href(ctx, skill_section(skills[0]["id"]))},
            {"label": "What to learn first on this path", "href": _href(ctx, learn_first(role["id"]))},
        ],
    }
