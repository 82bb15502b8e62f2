"""Query side: expand a question with the vocabulary, score entries (BM25F), decide
whether the question is in scope and which mode it asks for."""

from __future__ import annotations

import re
from typing import NamedTuple

from .index import FIELDS, Index, Phrase, Synonym, idf_of, postings
from .text import STOPWORDS, contains, contains_loosely, stem, tokens, with_bigrams, words

K1 = 1.2
BIGRAM_WEIGHT = 0.6  # a phrase match adds to, never replaces, its two words
EXPANSION_WEIGHT = 0.7  # a synonym is good evidence, but weaker than the user's own word
MIN_DOMAIN_TERMS = 2
# fenced code, or several lines that end like code, means "look at this code"
_FENCED = re.compile(r"```|~~~")
_CODE_LINE = re.compile(r"[;{}]\s*$|=>|^\s*(def|async def|const|let|var|import)\s|^\s*(location\s+\S+|server)\s*\{"
                        r"|\w\([^()]*\)\s*$")
# a stack frame ("    at JSON.parse (<anonymous>)", '  File "app.py", line 3, in f') is
# output that reports a failure, not code to look at
_STACK_FRAME = re.compile(r"^\s*at\s+\S.*$|^\s*File \"[^\"]+\", line \d+.*$", re.MULTILINE)
# an exception name, an errno, an HTTP status or a WebSocket close code quoted in the text
_ERROR_TEXT = re.compile(r"\b\w+(Error|Exception)\b|\bE[A-Z]{4,}\b|\b[45]\d\d\b|\b10(0[0-9]|1[0-5])\b|\b4\d{3}\b")
# a call with arguments, an assignment, or a backticked span with code punctuation in
# it: `org:123:*`, `Date.now()` or `useEffect` name a thing, `ws.send(x)` is code to look at
_INLINE_CODE = re.compile(r"\w\.\w+\([^)\s][^)]*\)|\w+\s*=\s*\S+\(|`[^`]*(?:[=;{]|\([^)`])[^`]*`")
# a quoted error message or a quoted JSON reply (`{"code":1,...}`) is a symptom, not
# code to review
_QUOTED_ERROR = re.compile(r"`[^`]*\w(?:Error|Exception)\b[^`]*`|`\s*[\[{]\s*\"[^`]*`")
_ASKED = re.compile(r"\?(?:\s|$)")  # "?token=" in a URL asks nothing
# what is not the asker's own prose: fenced blocks and backticked spans
_CODE_SPANS = re.compile(r"(`{3,}|~{3,}).*?(\1|\Z)|`[^`\n]*`", re.DOTALL)


# NamedTuples: cheaper to define than dataclasses, and this module is on the cold path
class Query(NamedTuple):
    text: str
    raw: tuple[str, ...]  # lower-case words, unstemmed, camelCase split
    full: tuple[str, ...]  # stemmed, stopwords kept (phrases)
    content: tuple[str, ...]  # stemmed, stopwords dropped, not_domain phrases blanked
    weights: dict[str, float]  # query term (unigram or bigram) -> weight
    synonyms: tuple[Synonym, ...]  # vocabulary phrases found in the question
    # original unigram -> canonical tokens it stands for via a synonym
    stands_for: dict[str, frozenset[str]]
    excluded: tuple[str, ...] = ()  # not_domain phrases found
    composites: frozenset[str] = frozenset()  # "websocket" when "web" and "socket" follow
    # the asker's own words (code spans removed, identifiers whole), unstemmed: mode
    # cues match these, so "InvalidStateError" is no "invalid" and "error" symptom
    prose: tuple[str, ...] = ()


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


def _composites(raw: list[str], names: frozenset[str]) -> frozenset[str]:
    """Stemmed forms of words that the tokeniser also split into parts ("WebSocket" ->
    "websocket", "web", "socket"): when the whole is unknown its parts carry the meaning."""
    out: set[str] = set()
    for i, word in enumerate(raw):
        joined = ""
        for part in raw[i + 1 : i + 6]:
            joined += part.replace(".", "")
            if joined == word.replace(".", ""):
                out.add(word if word in names else stem(word))
                break
            if not word.replace(".", "").startswith(joined):
                break
    return frozenset(out)


SENTENCE_BREAK = "|"  # in Query.prose: no cue matches across it
# in Query.prose: where a code span was, so "is `io(url, {...})` a problem" still has a
# word for the "*" of "is * a problem"; no cue is made of it
CODE_SPAN_WORD = "code0span"
_SENTENCE_END = re.compile(r"[.!?;:]+(?:\s+|$)|\n+")


def _prose(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for sentence in _SENTENCE_END.split(_CODE_SPANS.sub(f" {CODE_SPAN_WORD} ", text).replace("_", " ")):
        found = words(sentence, split_camel=False)
        if found:
            out.extend([*found, SENTENCE_BREAK])
    return tuple(out)


def parse_query(index: Index, text: str) -> Query:
    raw = words(text.replace("_", " "))
    full_raw = tokens(text, keep_stopwords=True, names=index.names)
    full, excluded = _blank(full_raw, index.not_domain)
    content = [t for t in full if t and t not in STOPWORDS]
    weights: dict[str, float] = {}
    for term in with_bigrams(content):
        weights[term] = max(weights.get(term, 0.0), BIGRAM_WEIGHT if " " in term else 1.0)
    matched: list[Synonym] = []
    stands_for: dict[str, set[str]] = {}
    for syn in index.synonyms:
        if contains_loosely(full, syn.phrase):
            matched.append(syn)
            for term in with_bigrams(list(syn.canonical)):
                w = EXPANSION_WEIGHT * (BIGRAM_WEIGHT if " " in term else 1.0)
                weights[term] = max(weights.get(term, 0.0), w)
            for tok in syn.phrase:
                if tok in content:
                    stands_for.setdefault(tok, set()).update(syn.canonical)
    return Query(text, tuple(raw), tuple(full), tuple(content), weights, tuple(matched),
                 {k: frozenset(v) for k, v in stands_for.items()}, tuple(excluded), _composites(raw, index.names),
                 _prose(text))


class Scored(NamedTuple):
    pos: int  # the entry's position in the index
    score: float
    terms: tuple[tuple[str, float, int], ...]  # (term, contribution, field mask)


def score_all(index: Index, query: Query) -> list[Scored]:
    acc: dict[int, float] = {}
    parts: dict[int, list[tuple[str, float, int]]] = {}
    for term, qw in query.weights.items():
        packed = index.postings.get(term)
        if packed is None:
            continue
        idf = idf_of(packed)
        for i, tf, mask in postings(packed):
            contribution = qw * idf * tf * (K1 + 1.0) / (K1 + tf)
            acc[i] = acc.get(i, 0.0) + contribution
            parts.setdefault(i, []).append((term, contribution, mask))
    scored = [Scored(i, s, tuple(sorted(parts[i], key=lambda p: -p[1]))) for i, s in acc.items()]
    scored.sort(key=lambda s: (-s.score, index.ids[s.pos]))
    return scored


PREFERRED_KIND_BOOST = 1.25  # a tie-breaker between close entries, not a filter


def prefer_kind(index: Index, scored: list[Scored], mode_name: str) -> list[Scored]:
    """Lift the kind of entry that answers this mode (a diagnosis wants the sharp
    edge, a design the pattern, a review the validation) and re-sort."""
    kind = index.prefer.get(mode_name)
    if not kind:
        return scored
    out = [s._replace(score=s.score * PREFERRED_KIND_BOOST) if index.kinds[s.pos] == kind else s
           for s in scored]
    out.sort(key=lambda s: (-s.score, index.ids[s.pos]))
    return out


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
        packed = index.postings.get(tok)
        weight = idf_of(packed) if packed is not None else index.idf_unseen
        hit = tok in present or bool(query.stands_for.get(tok, frozenset()) & present)
        if tok in query.composites and not hit:
            continue  # its parts are counted instead
        total += weight
        matched += weight if hit else 0.0
    return matched / total if total else 0.0


class Scope(NamedTuple):
    triggered: bool
    reasons: tuple[str, ...]
    coverage: float
    strong: tuple[str, ...]
    weak: tuple[str, ...]


KEY_MASK = sum(1 << FIELDS.index(f) for f in ("id", "title", "aliases", "tags"))


class Evidence(NamedTuple):
    anchors: tuple[str, ...]  # curated words that alone mean this domain ("websocket")
    # specific synonyms, weak anchors ("real-time") and two-word phrases of titles,
    # aliases and tags: each one piece of evidence that needs company
    phrases: tuple[str, ...]
    words: tuple[str, ...]  # single words the knowledge base uses in those fields
    weak: tuple[str, ...] = ()  # the weak anchors found (also counted in phrases)
    neighbours: tuple[str, ...] = ()  # a neighbouring field's objects ("request", "fetch")
    subjects: tuple[str, ...] = ()  # this field's objects ("message", "connection")


def _distinct(phrases: set[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Drop phrases contained in a longer one: '60 seconds' and '60 second' are one fact."""
    ordered = sorted(phrases, key=len, reverse=True)
    kept: list[tuple[str, ...]] = []
    for p in ordered:
        if not any(contains(list(k), p) for k in kept):
            kept.append(p)
    return sorted(kept)


def evidence(index: Index, query: Query, scored: list[Scored]) -> Evidence:
    full = list(query.full)
    anchors = {" ".join(a) for a in index.anchors if contains(full, a)}
    weak = [a for a in index.weak_anchors if contains(full, a)]
    # "real-time analytics", "live video": a generic word is one phrase, not an anchor
    phrases: set[tuple[str, ...]] = set(weak)
    singles: set[str] = set()
    for syn in query.synonyms:
        if syn.specific:
            phrases.add(tuple(t for t in syn.phrase if t not in STOPWORDS))
        else:
            singles.update(t for t in syn.phrase if t in query.content)
    for s in scored[:3]:
        for term, _c, mask in s.terms:
            # "5 minutes", "60 seconds": a number with a unit is a fact of many fields
            # (as for synonyms, see index._specific), not a phrase of this one
            if (" " in term and mask & KEY_MASK and query.weights.get(term, 0.0) == BIGRAM_WEIGHT
                    and not any(c.isdigit() for c in term)):
                phrases.add(tuple(term.split(" ")))
    singles.update(t for t in query.content if t in index.domain)
    neighbours = {" ".join(p) for p in index.neighbours if contains(full, p)}
    subjects = {" ".join(p) for p in index.subjects if contains(full, p)}
    return Evidence(tuple(sorted(anchors)), tuple(" ".join(p) for p in _distinct(phrases)),
                    tuple(sorted(singles)), tuple(sorted(" ".join(a) for a in weak)),
                    tuple(sorted(neighbours)), tuple(sorted(subjects)))


# Coverage needed, by the strongest evidence present: the more specific the question's
# domain words, the less of it the entries must explain.
NEEDS_WITH_ANCHOR = 0.2
NEEDS_WITH_PHRASES = 0.3  # two or more distinct domain phrases
NEEDS_WITH_PHRASE = 0.5  # exactly one
NEEDS_WITH_WORDS = 0.75  # only single domain words (MIN_DOMAIN_TERMS of them)
# two of this field's objects ("broadcast" and "room", "socket" and "emit") say as much
# as one domain phrase
SUBJECTS_FOR_A_PHRASE = 2


def scope(index: Index, query: Query, scored: list[Scored]) -> Scope:
    ev = evidence(index, query, scored)
    best = max((coverage(index, query, s) for s in scored[:3]), default=0.0)
    reasons: list[str] = []
    if query.excluded:
        reasons.append("not this domain: " + ", ".join(query.excluded))
    if ev.anchors:
        reasons.append("domain anchors: " + ", ".join(ev.anchors[:6]))
    if ev.weak:
        reasons.append("weak anchors (need a second signal): " + ", ".join(ev.weak[:6]))
    if ev.phrases:
        reasons.append("domain phrases: " + ", ".join(ev.phrases[:6]))
    if ev.words:
        reasons.append("domain words: " + ", ".join(ev.words[:8]))
    if ev.neighbours:
        reasons.append("another field's objects: " + ", ".join(ev.neighbours[:6])
                       + (("; this field's: " + ", ".join(ev.subjects[:6])) if ev.subjects
                          else "; none of this field's"))
    if query.synonyms:
        reasons.append("vocabulary: " + ", ".join(f"{syn.text!r} -> {syn.term}" for syn in query.synonyms[:5]))
    if query.excluded and not ev.anchors:
        # a Unix socket or a real-time kernel is another field; only an anchor
        # ("websocket") says the question is about this one after all
        need, basis = 2.0, "another field's phrase and no anchor"
    elif ev.neighbours and not (ev.anchors or ev.weak or ev.subjects):
        # "useEffect runs the fetch twice", "a rate limit per request": this field's
        # words about another field's objects (HTTP requests, cache keys, batch jobs)
        need, basis = 2.0, "another field's objects and none of this one's"
    elif ev.anchors:
        need, basis = NEEDS_WITH_ANCHOR, "an anchor"
    elif len(ev.phrases) >= 2:
        need, basis = NEEDS_WITH_PHRASES, "domain phrases"
    elif ev.phrases:
        need, basis = NEEDS_WITH_PHRASE, "one domain phrase"
    elif len(ev.subjects) >= SUBJECTS_FOR_A_PHRASE and len(ev.words) >= MIN_DOMAIN_TERMS:
        need, basis = NEEDS_WITH_PHRASE, "domain words naming this field's objects"
    elif len(ev.words) >= MIN_DOMAIN_TERMS:
        need, basis = NEEDS_WITH_WORDS, "domain words only"
    else:
        need, basis = 2.0, "no domain evidence"
    ok = best >= need
    reasons.append(f"the best entries cover {best:.2f} of the question; with {basis} "
                   f"{'it needs' if need <= 1 else 'nothing is enough'}"
                   + (f" {need:.2f}" if need <= 1 else "") + f": {'in scope' if ok else 'out of scope'}")
    return Scope(ok, tuple(reasons), best, ev.anchors + ev.phrases, ev.words)


def looks_like_code(text: str) -> int:
    """0 no code, 1 an inline snippet, 2 a pasted block."""
    if _FENCED.search(text):
        return 2
    text = _STACK_FRAME.sub(" ", text)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    code_lines = sum(1 for ln in lines if _CODE_LINE.search(ln))
    if code_lines >= 2:
        return 2
    if code_lines or _INLINE_CODE.search(_QUOTED_ERROR.sub(" ", text)):
        return 1
    return 0


def _cue_matches(index: Index, prose: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """(mode, cue) for every cue found, longest first; a cue inside a longer one that
    was already found does not count: "how do we stop" is a diagnose cue and takes
    its "how do we" (a create cue) with it."""
    found: list[tuple[int, int, int, str, tuple[str, ...]]] = []
    for name in index.mode_order:
        for cue in index.cues.get(name, ()):
            for start, end in _cue_spans(prose, cue):
                found.append((len(cue), start, end, name, cue))
    found.sort(key=lambda f: (-f[0], f[1]))
    taken: set[int] = set()
    out: list[tuple[str, tuple[str, ...]]] = []
    for _n, start, end, name, cue in found:
        span = set(range(start, end))
        if span & taken:
            continue
        taken |= span
        out.append((name, cue))
    return out


WILDCARD_WORDS = 6  # "*" in a cue stands for 1 to this many words: "is * ok"


def _cue_spans(prose: list[str], cue: tuple[str, ...]) -> list[tuple[int, int]]:
    """[start, end) of each place `cue` occurs in `prose`."""
    if "*" not in cue:
        n = len(cue)
        return [(i, i + n) for i in range(len(prose) - n + 1) if tuple(prose[i : i + n]) == cue]
    star = cue.index("*")
    head, tail = cue[:star], cue[star + 1 :]
    spans: list[tuple[int, int]] = []
    for start, after_head in _cue_spans(prose, head) if head else [(i, i) for i in range(len(prose))]:
        for gap in range(1, WILDCARD_WORDS + 1):
            at = after_head + gap
            if prose[at - 1 : at] == [SENTENCE_BREAK]:
                break
            if tail and tuple(prose[at : at + len(tail)]) == tail:
                spans.append((start, at + len(tail)))
                break
    return spans


def cue_weight(cue: tuple[str, ...]) -> float:
    """A phrase says more about intent than a single word: "how do i" outweighs "still"."""
    return 1.0 + 0.5 * (len([w for w in cue if w != "*"]) - 1)


# a snippet inside prose is often context ("we just do `new WebSocket(url)`"): it
# decides only when no symptom or request word does
INLINE_CODE_WEIGHT = 0.75
IMPERATIVE_WEIGHT = 1.5  # "add live cursors to our editor": as strong as a two-word cue
_SENTENCE = re.compile(r"(?:^|[.!?;:]\s+|\n)\s*[-*>]*\s*([A-Za-z][\w'-]*)")


def _sentence_starts(text: str) -> list[str]:
    """The first word of each sentence of the asker's prose, lower-case."""
    return [m.group(1).lower() for m in _SENTENCE.finditer(_CODE_SPANS.sub(" ", text))]


def mode(index: Index, query: Query) -> tuple[str, tuple[str, ...]]:
    votes: dict[str, float] = {m: 0.0 for m in index.mode_order}
    reasons: list[str] = []
    by_mode: dict[str, list[str]] = {}
    for name, cue in _cue_matches(index, list(query.prose)):
        votes[name] += cue_weight(cue)
        by_mode.setdefault(name, []).append(" ".join(cue))
    for name in index.mode_order:
        if by_mode.get(name):
            reasons.append(f"{name} cues: " + ", ".join(by_mode[name][:5]))
    verbs = [w for w in _sentence_starts(query.text) if w in index.imperatives]
    if verbs:
        votes["create"] = votes.get("create", 0.0) + IMPERATIVE_WEIGHT
        reasons.append("imperative: " + ", ".join(verbs[:3]))
    code = looks_like_code(query.text)
    if code:
        votes["review"] = votes.get("review", 0.0) + (3.0 if code == 2 else INLINE_CODE_WEIGHT)
        reasons.append("pasted code" if code == 2 else "inline code")
    if _ERROR_TEXT.search(query.text):
        votes["diagnose"] = votes.get("diagnose", 0.0) + 1.0
        reasons.append("error text")
    best = max(votes.values(), default=0.0)
    if best <= 0:
        # no symptom, no code, no cue: a question ("token bucket? what frame size?")
        # asks how to do something; a bare statement reports what happens
        asked = bool(_ASKED.search(_CODE_SPANS.sub(" ", query.text)))
        chosen = index.question_mode if asked else index.default_mode
        reasons.append(f"no cue: default for {'a question' if asked else 'a statement'}: {chosen}")
        return chosen, tuple(reasons)
    chosen = next(m for m in index.mode_order if votes[m] == best)
    return chosen, tuple(reasons)
