"""The text an agent harness puts into its system prompt for this skill.

`catalog` is the `<available_skills>` block of the Agent Skills client guide (the
same layout skills-ref's `to-prompt` prints); `full` adds SKILL.md and an entry index
until a token budget is spent.
"""

from __future__ import annotations

from html import escape

from .model import Skill

CHARS_PER_TOKEN = 4


def estimate_tokens(text: str) -> int:
    return (len(text) + CHARS_PER_TOKEN - 1) // CHARS_PER_TOKEN


def catalog(skill: Skill, location: str | None = None) -> str:
    where = location or str((skill.root / "SKILL.md").resolve())
    return "\n".join([
        "<available_skills>",
        "<skill>",
        "<name>", escape(skill.name), "</name>",
        "<description>", escape(skill.description), "</description>",
        "<location>", escape(where), "</location>",
        "</skill>",
        "</available_skills>",
    ])


def entry_index(skill: Skill) -> list[str]:
    return [f"- `{e.id}` ({e.kind}): {e.title}" for e in skill.entries]


def full(skill: Skill, budget: int, location: str | None = None) -> str:
    """Catalog + SKILL.md body + as many index lines as fit in `budget` tokens."""
    parts = [catalog(skill, location), "", f'<skill_content name="{escape(skill.name)}">',
             skill.body.strip(), "</skill_content>"]
    text = "\n".join(parts)
    if estimate_tokens(text) > budget:
        return catalog(skill, location)
    lines = ["", "<entry_index>"]
    footer = "</entry_index>"
    used = estimate_tokens(text + "\n".join(lines) + footer)
    omitted = 0
    for line in entry_index(skill):
        cost = estimate_tokens(line + "\n")
        if used + cost > budget:
            omitted += 1
            continue
        lines.append(escape(line, quote=False))
        used += cost
    if omitted:
        lines.append(f"({omitted} more entries: run `realtime-skill list`)")
    lines.append(footer)
    return text + "\n".join(lines)
