"""Build the search index of a skill once, and keep it on disk next to the skill cache.

The index is a BM25F model (Robertson et al.): each entry has fields (id, title,
aliases, tags, the lead section, the rest of the prose, code) with their own weight
and length normalisation; term frequencies are combined across fields *before*
saturation, so a word in the title and the body counts once, strongly. Everything
the query side needs (postings, idf, the vocabulary's synonyms, mode cues and scope
terms) is precomputed here, so a cold `realtime-skill ask` only unpickles a few
hundred kilobytes and never imports yaml.
"""

from __future__ import annotations

import math
import os
import re
import struct
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .text import STOPWORDS, with_bigrams, words
from .text import tokens as _tokens

if TYPE_CHECKING:  # the model is only needed to build an index, never to read one
    from ..model import Entry, Skill

# Field weights and length normalisation. Short, curated fields (title, aliases, tags)
# say what an entry is about; the body says much more, about many things.
FIELDS: tuple[str, ...] = ("id", "title", "aliases", "tags", "lead", "body", "code")
WEIGHTS: dict[str, float] = {"id": 2.0, "title": 3.0, "aliases": 3.0, "tags": 2.0,
                             "lead": 1.5, "body": 1.0, "code": 0.3}
B: dict[str, float] = {"id": 0.3, "title": 0.3, "aliases": 0.5, "tags": 0.3,
                       "lead": 0.75, "body": 0.75, "code": 0.75}
# the section that says, in users' words, when an entry applies
LEAD_SECTION = {"sharp_edge": "Symptoms", "pattern": "Use when", "validation": "Message"}
KEY_FIELDS = ("id", "title", "aliases", "tags")

_FENCE = r"^(`{3,}|~{3,}).*?^\1[ \t]*$"  # compiled when building, never on the query path
_MODES = ("diagnose", "create", "review")

Phrase = tuple[str, ...]


# NamedTuples, not dataclasses: the index is unpickled on every cold `ask`, and a
# slots dataclass restores its state in Python, field by field.
class Synonym(NamedTuple):
    phrase: Phrase  # stemmed tokens of what people say, stopwords kept
    canonical: tuple[str, ...]  # stemmed content tokens of the canonical term
    text: str  # "ghost users"
    term: str  # "presence"
    specific: bool  # several words or a code: by itself evidence that the question is in scope


class Index(NamedTuple):
    ids: tuple[str, ...]
    kinds: tuple[str, ...]
    titles: tuple[str, ...]
    # what `ask` prints, so that it can answer without unpickling the skill
    severities: tuple[str | None, ...]
    excerpts: tuple[str, ...]
    related: tuple[tuple[str, ...], ...]
    # term -> packed idf and postings (see pack/postings): one bytes object per term
    # unpickles an order of magnitude faster than tuples of tuples
    postings: dict[str, bytes]
    idf_unseen: float
    synonyms: tuple[Synonym, ...]
    cues: dict[str, tuple[Phrase, ...]]
    default_mode: str
    question_mode: str  # the mode of a question with no cue ("?" but no symptom or code)
    imperatives: frozenset[str]  # verbs that, first in a sentence, ask to create something
    prefer: dict[str, str]  # mode -> the kind of entry that answers it best
    mode_order: tuple[str, ...]
    anchors: tuple[Phrase, ...]
    not_domain: tuple[Phrase, ...]
    domain: frozenset[str]  # unigrams of titles, aliases, tags, ids and the vocabulary
    # generic words ("real-time", "live"): evidence only beside a second domain signal
    weak_anchors: tuple[Phrase, ...] = ()
    names: frozenset[str] = frozenset()  # proper names, never stemmed ("pusher")
    # words for a neighbouring field's own objects ("request", "fetch", "cache key"):
    # beside them, domain words need an anchor or a subject to count
    neighbours: tuple[Phrase, ...] = ()
    subjects: tuple[Phrase, ...] = ()  # what real-time systems move ("message", "connection")


_IDF = struct.Struct("<f")
_POSTING = struct.Struct("<HfH")  # entry index, combined field-normalised tf, field bitmask


def pack(idf: float, entries: list[tuple[int, float, int]]) -> bytes:
    return _IDF.pack(idf) + b"".join(_POSTING.pack(i, tf, mask) for i, tf, mask in entries)


def idf_of(packed: bytes) -> float:
    value: float = _IDF.unpack_from(packed)[0]
    return value


def postings(packed: bytes) -> Iterator[tuple[int, float, int]]:
    for i, tf, mask in _POSTING.iter_unpack(packed[_IDF.size :]):
        yield int(i), float(tf), int(mask)


def _strip_fences(markdown: str) -> str:
    return re.sub(_FENCE, " ", markdown, flags=re.MULTILINE | re.DOTALL)


_MARKUP = r"[*`#>]+|(?<!\w)_+|_+(?!\w)|\[([^\]]*)\]\([^)]*\)"


def excerpt(entry: Entry, width: int = 220) -> str:
    """The start of the entry's first section (a validation's message) as plain text."""
    if entry.kind == "validation" and entry.message:
        text = entry.message
    else:
        text = entry.sections[0].markdown if entry.sections else ""
    text = re.sub(_MARKUP, lambda m: m.group(1) or "", _strip_fences(text))
    text = " ".join(text.replace("\n- ", " · ").split()).lstrip("- ")
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def entry_fields(entry: Entry, names: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """Tokens (with bigrams) of each field of an entry (`names` stay unstemmed)."""

    def tokens(text: str) -> list[str]:
        return _tokens(text, names=names)

    lead_name = LEAD_SECTION.get(entry.kind)
    lead: list[str] = []
    body: list[str] = []
    code: list[str] = []
    for section in entry.sections:
        prose = tokens(_strip_fences(section.markdown))
        if section.name == lead_name:
            lead.extend(with_bigrams(prose))
        else:  # body bigrams would triple the index for no measurable gain
            body.extend(prose)
        for block in section.code_blocks:
            if block.role not in ("meta", "rule"):
                code.extend(tokens(block.code))
    aliases: list[str] = []
    for alias in entry.aliases:  # bigrams never span two aliases
        aliases.extend(with_bigrams(tokens(alias)))
    tags: list[str] = []
    for tag in entry.tags:
        tags.extend(with_bigrams(tokens(tag.replace("-", " "))))
    return {
        "id": with_bigrams(tokens(entry.id.replace("-", " "))),
        "title": with_bigrams(tokens(entry.title)),
        "aliases": aliases,
        "tags": tags,
        "lead": lead,
        "body": body,
        "code": code,
    }


def _phrases(values: Any) -> list[str]:
    if not isinstance(values, list):
        return []
    return [str(v) for v in values if isinstance(v, (str, int, float))]


def _vocabulary_sections(skill: Skill) -> dict[str, Any]:
    """`modes:` and `scope:` of references/vocabulary.yaml (the loader reads `synonyms:`)."""
    from ..paths import INPUTS
    from ..yamlutil import load_yaml

    try:
        text = (Path(skill.root) / INPUTS[-1]).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    data, _problems = load_yaml(text)  # problems are reported by `realtime-skill lint`
    return data if isinstance(data, dict) else {}


def _cue(text: str) -> Phrase:
    """A mode cue as words; "*" (1 to a few words) survives: "is * ok"."""
    out: list[str] = []
    for part in text.split():
        out.extend(["*"] if part == "*" else words(part, split_camel=False))
    while out and out[0] == "*":  # a leading or trailing "*" matches nothing more
        out.pop(0)
    while out and out[-1] == "*":
        out.pop()
    return tuple(out)


def _specific(said: Phrase) -> bool:
    """Whether a synonym by itself says the question is in this domain: a code ("1006",
    "ERR_CONNECTION_RESET" as words) or two or more words that are not numbers.
    A number with a unit ("60 seconds", "6 connections") is a fact of many fields and
    only supports other evidence."""
    content = [t for t in said if t not in STOPWORDS]
    numbers = [t for t in content if any(c.isdigit() for c in t)]
    return (bool(numbers) and len(content) == len(numbers)) or len(content) - len(numbers) >= 2


def build_index(skill: Skill) -> Index:
    extra = _vocabulary_sections(skill)
    names = frozenset(w for v in _phrases(extra.get("names")) for w in words(v, split_camel=False))

    def tokens(text: str, *, keep_stopwords: bool = False) -> list[str]:
        return _tokens(text, keep_stopwords=keep_stopwords, names=names)

    entries = skill.entries
    n = len(entries)
    per_entry = [entry_fields(e, names) for e in entries]
    avg_len = {
        f: (sum(len(fields[f]) for fields in per_entry) / n if n else 0.0) or 1.0 for f in FIELDS
    }
    postings: dict[str, list[tuple[int, float, int]]] = {}
    df: Counter[str] = Counter()
    domain: set[str] = set()
    for i, fields in enumerate(per_entry):
        combined: dict[str, float] = {}
        masks: dict[str, int] = {}
        for bit, name in enumerate(FIELDS):
            toks = fields[name]
            if not toks:
                continue
            norm = 1.0 - B[name] + B[name] * len(toks) / avg_len[name]
            for term, count in Counter(toks).items():
                combined[term] = combined.get(term, 0.0) + WEIGHTS[name] * count / norm
                masks[term] = masks.get(term, 0) | (1 << bit)
            if name in KEY_FIELDS:
                domain.update(t for t in toks if " " not in t)
        for term, value in combined.items():
            postings.setdefault(term, []).append((i, value, masks[term]))
            df[term] += 1
    packed = {t: pack(math.log(1.0 + (n - df[t] + 0.5) / (df[t] + 0.5)), p) for t, p in postings.items()}

    synonyms: list[Synonym] = []
    for term, phrases in skill.vocabulary.items():
        canonical = tuple(tokens(term.replace("-", " ")))
        domain.update(canonical)
        for phrase in phrases:
            said = tuple(tokens(phrase, keep_stopwords=True))
            if said and canonical:
                specific = _specific(said)
                synonyms.append(Synonym(said, canonical, phrase, term, specific))
                domain.update(tokens(phrase))

    modes = extra.get("modes") if isinstance(extra.get("modes"), dict) else {}
    assert isinstance(modes, dict)
    # cues match unstemmed words: "keeps" is a symptom, "keep" often is not
    cues = {m: tuple(p for p in (_cue(c) for c in _phrases(modes.get(m))) if p) for m in _MODES}
    default_mode = str(modes.get("default", "diagnose"))
    if default_mode not in _MODES:
        default_mode = "diagnose"
    question_mode = str(modes.get("question_default", default_mode))
    if question_mode not in _MODES:
        question_mode = default_mode
    prefer_raw = modes.get("prefer")
    prefer = ({str(k): str(v) for k, v in prefer_raw.items() if k in _MODES}
              if isinstance(prefer_raw, dict) else {})
    order = tuple(m for m in _phrases(modes.get("order")) if m in _MODES)
    order += tuple(m for m in _MODES if m not in order)
    scope = extra.get("scope") if isinstance(extra.get("scope"), dict) else {}
    assert isinstance(scope, dict)

    def phrase_list(key: str) -> tuple[Phrase, ...]:
        return tuple(p for p in (tuple(tokens(a, keep_stopwords=True)) for a in _phrases(scope.get(key))) if p)

    anchors = phrase_list("anchors")
    weak_anchors = phrase_list("weak_anchors")
    not_domain = phrase_list("not_domain")
    neighbours = phrase_list("neighbours")
    subjects = phrase_list("subjects")
    for anchor in anchors + weak_anchors:
        domain.update(anchor)

    return Index(
        ids=tuple(e.id for e in entries),
        kinds=tuple(e.kind for e in entries),
        titles=tuple(e.title for e in entries),
        severities=tuple(e.severity for e in entries),
        excerpts=tuple(excerpt(e) for e in entries),
        related=tuple(e.related for e in entries),
        postings=packed,
        idf_unseen=math.log(1.0 + (n + 0.5) / 0.5) if n else 1.0,
        synonyms=tuple(synonyms),
        cues=cues,
        default_mode=default_mode,
        question_mode=question_mode,
        prefer=prefer,
        imperatives=frozenset(w for v in _phrases(modes.get("imperative")) for w in words(v, split_camel=False)[:1]),
        mode_order=order,
        anchors=anchors,
        not_domain=not_domain,
        domain=frozenset(domain),
        weak_anchors=weak_anchors,
        neighbours=neighbours,
        subjects=subjects,
        names=names,
    )


# ---- caching -------------------------------------------------------------------------

_MEMORY: dict[str, Index] = {}


def get_index(skill: Skill) -> Index:
    """The index of `skill`: from memory, from the disk cache, or built and cached."""
    from . import cache

    key = cache.content_key(Path(skill.root))
    found = _MEMORY.get(key)
    if found is None:
        loaded = cache.read(key)
        found = loaded if isinstance(loaded, Index) and loaded.ids == skill.ids() else None
    if found is None:
        found = build_index(skill)
        cache.write(key, found)
    _MEMORY[key] = found
    return found


def cached_index(path: str | os.PathLike[str] | None) -> Index | None:
    """The cached index of the skill at `path` (None: embedded) without loading the
    skill, or None when it has not been built yet."""
    from . import cache

    root = cache.skill_root(path)
    if root is None:
        return None
    key = cache.content_key(root)
    found = _MEMORY.get(key)
    if found is None:
        loaded = cache.read(key)
        found = loaded if isinstance(loaded, Index) else None
        if found is not None:
            _MEMORY[key] = found
    return found
