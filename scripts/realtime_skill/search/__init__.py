"""Search the knowledge base: rank entries for a question and route the question.

- `search(skill, query, kind=None, limit=5) -> list[Hit]`: entries best first (no scope
  check: a library caller asking for entries gets the closest ones).
- `route(skill, query) -> Route`: is the question about real-time systems
  (`triggered`), and does it want a diagnosis, a design or a code review (`mode`).
- `answer(skill, query, kind=None, limit=5) -> Answer`: both, with no hits when the
  route is not triggered; what `realtime-skill ask` and the MCP server return.

The domain vocabulary (synonyms, mode cues, scope anchors) is data: entry aliases and
`references/vocabulary.yaml`. This package only knows English and BM25F.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .engine import explain, mode, parse_query, prefer_kind, scope, score_all
from .index import Index, get_index
from .text import stem, words

if TYPE_CHECKING:  # importing the model costs ~12 ms that a cached `ask` never needs
    from ..model import Skill

Mode = Literal["diagnose", "create", "review", "none"]
KINDS = ("sharp_edge", "pattern", "validation")  # model.KINDS (a test checks they agree)

__all__ = ["Answer", "Hit", "Route", "answer", "answer_from_index", "route", "search"]


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    kind: str
    title: str
    score: float
    why: tuple[str, ...]  # "field:term" of the strongest matches, e.g. "aliases:1006"


@dataclass(frozen=True, slots=True)
class Route:
    triggered: bool
    mode: Mode
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    query: str
    route: Route
    hits: tuple[Hit, ...]


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")


_STEMMED_REASONS = ("domain anchors", "weak anchors", "domain phrases", "domain words", "another field's")
_WORD_RE = re.compile(r"[^\s,;()]+")


def in_askers_words(text: str, reasons: tuple[str, ...]) -> tuple[str, ...]:
    """Reasons list stemmed tokens ("disconnect", "execut"); show the asker's own word for
    each ("disconnecting", "executes") so that `route` reads as what was asked."""
    surface: dict[str, str] = {}
    for word in words(text.replace("_", " ")):
        surface.setdefault(stem(word), word)
    out = []
    for reason in reasons:
        label, sep, rest = reason.partition(": ")
        if sep and label.startswith(_STEMMED_REASONS):
            rest = _WORD_RE.sub(lambda m: surface.get(m.group(0), m.group(0)), rest)
        out.append(label + sep + rest)
    return tuple(out)


def _rank(index: Index, query: str, kind: str | None, limit: int) -> tuple[list[Hit], Route]:
    _check_kind(kind)
    parsed = parse_query(index, query)
    chosen, why = mode(index, parsed)
    scored = prefer_kind(index, score_all(index, parsed), chosen)
    hits = [
        Hit(index.ids[s.pos], index.kinds[s.pos], index.titles[s.pos], round(s.score, 4),
            explain(s.terms))
        for s in scored
        if kind is None or index.kinds[s.pos] == kind
    ][: max(limit, 0)]
    if not query.strip():
        return hits, Route(False, "none", ("empty question",))
    sc = scope(index, parsed, scored)
    if not sc.triggered:
        return hits, Route(False, "none", in_askers_words(query, sc.reasons))
    m: Mode = "review" if chosen == "review" else "create" if chosen == "create" else "diagnose"
    return hits, Route(True, m, in_askers_words(query, sc.reasons + why))


def search(skill: Skill, query: str, kind: str | None = None, limit: int = 5) -> list[Hit]:
    """Entries that best match `query`, best first; `kind` filters to one kind."""
    return _rank(get_index(skill), query, kind, limit)[0]


def route(skill: Skill, query: str) -> Route:
    """Whether the skill applies to `query`, in which mode, and why."""
    return _rank(get_index(skill), query, None, 0)[1]


def answer(skill: Skill, query: str, kind: str | None = None, limit: int = 5) -> Answer:
    """Route and hits together; no hits when the question is out of scope."""
    return answer_from_index(get_index(skill), query, kind, limit)


def answer_from_index(index: Index, query: str, kind: str | None = None, limit: int = 5) -> Answer:
    """`answer` over an index already at hand (see `index.cached_index`)."""
    hits, rt = _rank(index, query, kind, limit)
    return Answer(query, rt, tuple(hits) if rt.triggered else ())
