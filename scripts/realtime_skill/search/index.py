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
import pickle
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Entry, Skill
from .text import tokens, with_bigrams

INDEX_FORMAT = 3

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

_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_MODES = ("diagnose", "create", "review")

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Synonym:
    phrase: Phrase  # stemmed tokens of what people say, stopwords kept
    canonical: tuple[str, ...]  # stemmed content tokens of the canonical term
    text: str  # "ghost users"
    term: str  # "presence"


@dataclass(frozen=True, slots=True)
class Index:
    digest: str
    ids: tuple[str, ...]
    kinds: tuple[str, ...]
    titles: tuple[str, ...]
    # term -> [(entry index, combined field-normalised tf, bitmask of FIELDS)]
    postings: dict[str, tuple[tuple[int, float, int], ...]]
    idf: dict[str, float]
    idf_unseen: float
    synonyms: tuple[Synonym, ...]
    cues: dict[str, tuple[Phrase, ...]]
    default_mode: str
    mode_order: tuple[str, ...]
    anchors: tuple[Phrase, ...]
    not_domain: tuple[Phrase, ...]
    domain: frozenset[str]  # unigrams of titles, aliases, tags, ids and the vocabulary


def _strip_fences(markdown: str) -> str:
    return _FENCE.sub(" ", markdown)


def entry_fields(entry: Entry) -> dict[str, list[str]]:
    """Tokens (with bigrams) of each field of an entry."""
    lead_name = LEAD_SECTION.get(entry.kind)
    lead: list[str] = []
    body: list[str] = []
    code: list[str] = []
    for section in entry.sections:
        prose = tokens(_strip_fences(section.markdown))
        (lead if section.name == lead_name else body).extend(with_bigrams(prose))
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
    from ..loader import VOCABULARY_FILE
    from ..yamlutil import load_yaml

    try:
        text = (Path(skill.root) / VOCABULARY_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    data, _problems = load_yaml(text)  # problems are reported by `realtime-skill lint`
    return data if isinstance(data, dict) else {}


def build_index(skill: Skill) -> Index:
    entries = skill.entries
    n = len(entries)
    per_entry = [entry_fields(e) for e in entries]
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
    idf = {t: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    synonyms: list[Synonym] = []
    for term, phrases in skill.vocabulary.items():
        canonical = tuple(tokens(term.replace("-", " ")))
        domain.update(canonical)
        for phrase in phrases:
            toks = tuple(tokens(phrase, keep_stopwords=True))
            if toks and canonical:
                synonyms.append(Synonym(toks, canonical, phrase, term))
                domain.update(tokens(phrase))

    extra = _vocabulary_sections(skill)
    modes = extra.get("modes") if isinstance(extra.get("modes"), dict) else {}
    assert isinstance(modes, dict)
    cues = {m: tuple(p for p in (tuple(tokens(c, keep_stopwords=True)) for c in _phrases(modes.get(m))) if p)
            for m in _MODES}
    default_mode = str(modes.get("default", "diagnose"))
    if default_mode not in _MODES:
        default_mode = "diagnose"
    order = tuple(m for m in _phrases(modes.get("order")) if m in _MODES)
    order += tuple(m for m in _MODES if m not in order)
    scope = extra.get("scope") if isinstance(extra.get("scope"), dict) else {}
    assert isinstance(scope, dict)
    anchors = tuple(p for p in (tuple(tokens(a, keep_stopwords=True)) for a in _phrases(scope.get("anchors"))) if p)
    not_domain = tuple(p for p in (tuple(tokens(a, keep_stopwords=True)) for a in _phrases(scope.get("not_domain")))
                       if p)
    for anchor in anchors:
        domain.update(anchor)

    return Index(
        digest=skill.digest,
        ids=tuple(e.id for e in entries),
        kinds=tuple(e.kind for e in entries),
        titles=tuple(e.title for e in entries),
        postings={t: tuple(p) for t, p in postings.items()},
        idf=idf,
        idf_unseen=math.log(1.0 + (n + 0.5) / 0.5) if n else 1.0,
        synonyms=tuple(synonyms),
        cues=cues,
        default_mode=default_mode,
        mode_order=order,
        anchors=anchors,
        not_domain=not_domain,
        domain=frozenset(domain),
    )


# ---- caching -------------------------------------------------------------------------

_MEMORY: dict[str, Index] = {}


def _stamp() -> str:
    """The index layout and the code that builds it: a changed tokeniser must not read
    an index built by the old one."""
    here = Path(__file__).resolve().parent
    parts = [str(INDEX_FORMAT)]
    for name in ("index.py", "text.py"):
        try:
            st = (here / name).stat()
            parts.append(f"{st.st_size}.{st.st_mtime_ns}")
        except OSError:
            parts.append("0")
    return "-".join(parts)


def _cache_path(digest: str) -> Path:
    from ..loader import cache_dir

    import hashlib

    key = hashlib.sha256(f"{digest}:{_stamp()}".encode()).hexdigest()[:32]
    return cache_dir() / f"search-{key}.pickle"


def get_index(skill: Skill) -> Index:
    """The index of `skill`, from memory, the disk cache, or built (and cached)."""
    found = _MEMORY.get(skill.digest)
    if found is not None:
        return found
    use_disk = not os.environ.get("REALTIME_SKILL_NO_CACHE")
    path = _cache_path(skill.digest) if use_disk else None
    index: Index | None = None
    if path is not None:
        try:
            with path.open("rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, Index) and loaded.digest == skill.digest:
                index = loaded
        except Exception:  # missing, stale or corrupt: rebuild
            index = None
    if index is None:
        index = build_index(skill)
        if path is not None:
            _write(path, index)
    _MEMORY[skill.digest] = index
    return index


def _write(path: Path, index: Index) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache directory only costs a rebuild next time
