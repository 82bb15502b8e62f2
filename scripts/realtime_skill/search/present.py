"""Turn an Answer into text, JSON-ready data or Markdown that fits a token budget.

Pure functions over strings: the CLI and the MCP server decide where output goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import Answer, Hit
from .index import Index

if TYPE_CHECKING:
    from ..model import Entry, Skill

CHARS_PER_TOKEN = 4  # the usual rough estimate for English prose and code


def answer_json(ans: Answer) -> dict[str, Any]:
    """The documented `ask --format json` object (keys and types are a contract)."""
    return {
        "query": ans.query,
        "triggered": ans.route.triggered,
        "mode": ans.route.mode,
        "results": [{"id": h.id, "kind": h.kind, "title": h.title, "score": float(h.score)}
                    for h in ans.hits],
    }


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind,
        "title": entry.title,
        "path": entry.path,
        "line": entry.line,
        "severity": entry.severity,
        "tags": list(entry.tags),
        "aliases": list(entry.aliases),
        "related": list(entry.related),
        "sources": [s.to_dict() for s in entry.sources],
        "markdown": entry.markdown,
    }


def answer_text(index: Index, ans: Answer) -> str:
    """Plain text for a pipe or a terminal without colour (from the index alone)."""
    if not ans.route.triggered:
        reason = ans.route.reasons[-1] if ans.route.reasons else ""
        return f"Not a real-time systems question for this skill ({reason}). No entries.\n"
    lines = [f"mode: {ans.route.mode}"]
    position = {entry_id: i for i, entry_id in enumerate(index.ids)}
    for rank, hit in enumerate(ans.hits, 1):
        i = position[hit.id]
        sev = f" [{index.severities[i]}]" if index.severities[i] else ""
        lines.append("")
        lines.append(f"{rank}. {hit.id}  ({hit.kind}{sev}, score {hit.score:.2f})")
        lines.append(f"   {hit.title}")
        lines.append(f"   {index.excerpts[i]}")
        if index.related[i]:
            lines.append(f"   related: {', '.join(index.related[i])}")
    lines.append("")
    lines.append("Read one in full: realtime-skill show ID")
    return "\n".join(lines) + "\n"


def _pointer(hit: Hit) -> str:
    return f"- `{hit.id}` ({hit.kind}): {hit.title}. Full text: `realtime-skill show {hit.id}`"


def answer_markdown(skill: Skill, ans: Answer, budget_tokens: int | None = None) -> str:
    """Whole entries, best first, then one-line pointers to the ones that did not fit.

    With a budget, the result never exceeds budget * CHARS_PER_TOKEN characters: whole
    entries are taken in rank order while they fit, the rest are listed as pointers,
    and if not even the best entry fits whole, its opening is cut to the budget.
    """
    if not ans.route.triggered:
        return "_No entry of this skill matches the question._\n"
    limit = budget_tokens * CHARS_PER_TOKEN if budget_tokens is not None else None
    blocks: list[str] = []
    left_out: list[Hit] = []
    used = 0
    for hit in ans.hits:
        entry = skill.get(hit.id)
        if entry is None:
            continue
        block = entry.markdown.strip() + "\n"
        cost = len(block) + (1 if blocks else 0)
        if limit is None or used + cost <= limit:
            blocks.append(block)
            used += cost
        else:
            left_out.append(hit)
    if left_out:
        header = "Also relevant:\n"
        lines: list[str] = []
        for hit in left_out:
            line = _pointer(hit) + "\n"
            extra = len(line) + (0 if lines else len(header) + (1 if blocks else 0))
            if limit is None or used + extra <= limit:
                lines.append(line)
                used += extra
        if lines:
            blocks.append(header + "".join(lines))
    if not blocks and ans.hits and limit is not None and limit > 0:
        entry = skill.get(ans.hits[0].id)
        if entry is not None:
            cut = entry.markdown.strip()[: max(limit - 2, 0)]
            blocks.append(cut.rstrip() + "\n" if cut else "")
    out = "\n".join(blocks)
    if limit is not None and len(out) > limit:  # a last guard; the steps above keep within it
        out = out[:limit]
    return out
