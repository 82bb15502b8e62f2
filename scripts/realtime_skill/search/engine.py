"""Query side: expand a question with the vocabulary, score entries (BM25F), decide
whether the question is in scope and which mode it asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .index import FIELDS, Index, Phrase
from .text import contains, tokens, with_bigrams

K1 = 1.2
BIGRAM_WEIGHT = 0.6  # a phrase match adds to, never replaces, its two words
EXPANSION_WEIGHT = 0.7  # a synonym is good evidence, but weaker than the user's own word
# Scope: share of the question's information (idf-weighted words) that the best entries
# explain, with and without an unambiguous anchor word such as "websocket".
MIN_COVERAGE_ANCHORED = 0.2
MIN_COVERAGE = 0.4
MIN_DOMAIN_TERMS = 2
# fenced code, or several lines that end like code, means "look at this code"
_FENCED = re.compile(r"```|~~~")
_CODE_LINE = re.compile(r"[;{}]\s*$|=>|^\s*(def|async def|const|let|var|import|location|server)\b|\)\s*$")
_INLINE_CODE = re.compile(r"\w\.\w+\([^)]*\)|\w+\s*=\s*\S+\(|`[^`]+`")


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    full: tuple[str, ...]  # stemmed, stopwords kept (phrases, cues)
    content: tuple[str, ...]  # stemmed, stopwords dropped, not_domain phrases blanked
    weights: dict[str, float]  # query term (unigram or bigram) -> weight
    synonyms: tuple[tuple[str, str], ...]  # (phrase said, canonical term)
    # original unigram -> canonical tokens it stands for via a synonym
    stands_for: dict[str, frozenset[str]] = field(default_factory=dict)
    excluded: tuple[str, ...] = ()  # not_domain phrases found


def _blank(toks: list[str], phrases: tuple[Phrase, ...]) -> tuple[list[str], list[str]]:
    """Replace every occurrence of the phrases by an empty slot; return what matched."""
    out = list(toks)
    found: list[str] = []
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(out) - n + 1):
            if tuple(out[i : i + n]) == phrase:
                out[i : i + n] = [""] * n
                found.append(" ".join(phrase))
    return out, found


def parse_query(index: Index, text: str) -> Query:
    full_raw = tokens(text, keep_stopwords=True)
    full, excluded = _blank(full_raw, index.not_domain)
    from .text import STOPWORDS

    content = [t for t in full if t and t not in STOPWORDS]
    weights: dict[str, float] = {}
    for term in with_bigrams(content):
        weights[term] = max(weights.get(term, 0.0), BIGRAM_WEIGHT if " " in term else 1.0)
    matched: list[tuple[str, str]] = []
    stands_for: dict[str, set[str]] = {}
    for syn in index.synonyms:
        if contains(full, syn.phrase):
            matched.append((syn.text, syn.term))
            for term in with_bigrams(list(syn.canonical)):
                w = EXPANSION_WEIGHT * (BIGRAM_WEIGHT if " " in term else 1.0)
                weights[term] = max(weights.get(term, 0.0), w)
            for tok in syn.phrase:
                if tok in content:
                    stands_for.setdefault(tok, set()).update(syn.canonical)
    return Query(text, tuple(full), tuple(content), weights, tuple(matched),
                 {k: frozenset(v) for k, v in stands_for.items()}, tuple(excluded))


@dataclass(frozen=True, slots=True)
class Scored:
    index: int
    score: float
    terms: tuple[tuple[str, float, int], ...]  # (term, contribution, field mask)


def score_all(index: Index, query: Query) -> list[Scored]:
    acc: dict[int, float] = {}
    parts: dict[int, list[tuple[str, float, int]]] = {}
    for term, qw in query.weights.items():
        plist = index.postings.get(term)
        if not plist:
            continue
        idf = index.idf[term]
        for i, tf, mask in plist:
            contribution = qw * idf * tf * (K1 + 1.0) / (K1 + tf)
            acc[i] = acc.get(i, 0.0) + contribution
            parts.setdefault(i, []).append((term, contribution, mask))
    scored = [Scored(i, s, tuple(sorted(parts[i], key=lambda p: -p[1]))) for i, s in acc.items()]
    scored.sort(key=lambda s: (-s.score, index.ids[s.index]))
    return scored


def explain(terms: tuple[tuple[str, float, int], ...], limit: int = 6) -> tuple[str, ...]:
    """'field:term' for the strongest matched terms, e.g. ('aliases:1006', 'title:proxy')."""
    out: list[str] = []
    for term, _contribution, mask in terms[:limit]:
        where = next((name for bit, name in enumerate(FIELDS) if mask & (1 << bit)), "body")
        out.append(f"{where}:{term}")
    return tuple(out)


def coverage(index: Index, query: Query, scored: Scored) -> float:
    """Share of the question's idf mass that this entry matches (0..1). A word counts as
    matched when the entry has it, or when it belongs to a synonym phrase whose
    canonical term the entry has."""
    present = {t for t, _c, _m in scored.terms}
    total = matched = 0.0
    for tok in set(query.content):
        weight = index.idf.get(tok, index.idf_unseen)
        total += weight
        if tok in present or (query.stands_for.get(tok, frozenset()) & present):
            matched += weight
    return matched / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Scope:
    triggered: bool
    reasons: tuple[str, ...]
    coverage: float


def scope(index: Index, query: Query, scored: list[Scored]) -> Scope:
    anchors = sorted({" ".join(a) for a in index.anchors if contains(list(query.full), a)})
    domain_terms = sorted({t for t in query.content if t in index.domain})
    best = max((coverage(index, query, s) for s in scored[:3]), default=0.0)
    reasons: list[str] = []
    if query.excluded:
        reasons.append("outside the domain: " + ", ".join(query.excluded))
    if anchors:
        reasons.append("domain anchors: " + ", ".join(anchors))
    if domain_terms:
        reasons.append("domain terms: " + ", ".join(domain_terms[:8]))
    if query.synonyms:
        reasons.append("vocabulary: " + ", ".join(f"{a!r} -> {b}" for a, b in query.synonyms[:5]))
    reasons.append(f"coverage {best:.2f} of the question by the best entries")
    evidence = len(domain_terms) + len(query.synonyms)
    if anchors:
        ok = best >= MIN_COVERAGE_ANCHORED
        reasons.append(f"needs coverage >= {MIN_COVERAGE_ANCHORED} with an anchor: {'yes' if ok else 'no'}")
    else:
        ok = best >= MIN_COVERAGE and evidence >= MIN_DOMAIN_TERMS
        reasons.append(f"no anchor: needs coverage >= {MIN_COVERAGE} and {MIN_DOMAIN_TERMS}+ domain terms: "
                       f"{'yes' if ok else 'no'}")
    return Scope(ok, tuple(reasons), best)


def looks_like_code(text: str) -> int:
    """0 no code, 1 an inline snippet, 2 a pasted block."""
    if _FENCED.search(text):
        return 2
    lines = [ln for ln in text.splitlines() if ln.strip()]
    code_lines = sum(1 for ln in lines if _CODE_LINE.search(ln))
    if code_lines >= 2:
        return 2
    if code_lines or _INLINE_CODE.search(text):
        return 1
    return 0


def mode(index: Index, query: Query) -> tuple[str, tuple[str, ...]]:
    full = list(query.full)
    votes: dict[str, float] = {m: 0.0 for m in index.mode_order}
    reasons: list[str] = []
    for name in index.mode_order:
        hits = [" ".join(c) for c in index.cues.get(name, ()) if contains(full, c)]
        if hits:
            votes[name] += len(hits)
            reasons.append(f"{name} cues: " + ", ".join(hits[:5]))
    code = looks_like_code(query.text)
    if code:
        votes["review"] = votes.get("review", 0.0) + (3.0 if code == 2 else 1.0)
        reasons.append("pasted code" if code == 2 else "inline code")
    best = max(votes.values(), default=0.0)
    if best <= 0:
        reasons.append(f"no cue: default {index.default_mode}")
        return index.default_mode, tuple(reasons)
    chosen = next(m for m in index.mode_order if votes[m] == best)
    return chosen, tuple(reasons)
