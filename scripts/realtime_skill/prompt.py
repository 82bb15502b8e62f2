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
    index = [escape(line, quote=False) for line in entry_index(skill)]

    def render(k: int) -> str:
        more = [f"({len(index) - k} more entries: run `realtime-skill list`)"] if k < len(index) else []
        return text + "\n".join(["", "<entry_index>", *index[:k], *more, "</entry_index>"])

    lo, hi = 0, len(index)  # the most index lines whose whole prompt fits the budget
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if estimate_tokens(render(mid)) <= budget else (lo, mid - 1)
    return render(lo) if estimate_tokens(render(lo)) <= budget else text
