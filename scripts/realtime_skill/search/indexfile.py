"""The search index as a JSON file beside the references (`references/search-index.json`).

An agent that has the skill folder but not the package (copied by `install`, by another
installer or by hand) answers questions with `python3 scripts/realtime_skill/standalone.py`
and the standard library alone; it reads this file. JSON, never pickle: the file travels
with a folder that anyone may have written, so reading it must not run code, and its shape
is checked field by field. `realtime-skill index` writes it; lint fails when it is stale.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from typing import Any

from .index import _IDF, _POSTING, Index, Synonym
from .index import postings as postings_of

FILENAME = "references/search-index.json"
FORMAT = 1
MAX_BYTES = 16 * 1024 * 1024  # a real index is ~1 MB; anything far larger is not ours


class IndexFileError(ValueError):
    """The file is missing, too large, not JSON or not an index of this format."""


def _phrases(value: Any) -> list[list[str]]:
    return [list(p) for p in value]


def to_data(index: Index) -> dict[str, Any]:
    """A JSON-ready dict: tuples as lists, frozensets sorted, postings in base64."""
    data: dict[str, Any] = {"format": FORMAT}
    for name in Index._fields:
        value = getattr(index, name)
        if name == "postings":
            value = {term: base64.b64encode(packed).decode("ascii") for term, packed in sorted(value.items())}
        elif name == "synonyms":
            value = [[list(s.phrase), list(s.canonical), s.text, s.term, s.specific] for s in value]
        elif name == "cues":
            value = {mode: _phrases(phrases) for mode, phrases in sorted(value.items())}
        elif name == "related":
            value = [list(r) for r in value]
        elif name in ("anchors", "not_domain", "weak_anchors", "neighbours", "subjects"):
            value = _phrases(value)
        elif isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, tuple):
            value = list(value)
        data[name] = value
    return data


def dumps(index: Index) -> str:
    # one value per line: a changed entry changes a few lines of the diff, not one huge line
    return json.dumps(to_data(index), indent=0, sort_keys=True, ensure_ascii=False) + "\n"


def _strs(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise IndexFileError(f"{what}: expected a list of strings")
    return tuple(value)


def _phrase_list(value: Any, what: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list):
        raise IndexFileError(f"{what}: expected a list of phrases")
    return tuple(_strs(p, what) for p in value)


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise IndexFileError(f"{what}: expected a string")
    return value


def from_data(data: Any) -> Index:
    """The Index in `data`, every field checked; IndexFileError names the first bad one."""
    if not isinstance(data, dict):
        raise IndexFileError("not a JSON object")
    if data.get("format") != FORMAT:
        raise IndexFileError(f"format {data.get('format')!r}, this code reads format {FORMAT}; "
                             "run `realtime-skill index` to rewrite it")
    missing = [name for name in Index._fields if name not in data]
    if missing:
        raise IndexFileError(f"missing fields: {', '.join(missing)}")
    d = data
    ids = _strs(d["ids"], "ids")
    n = len(ids)
    per_entry = {"kinds": _strs(d["kinds"], "kinds"), "titles": _strs(d["titles"], "titles"),
                 "excerpts": _strs(d["excerpts"], "excerpts")}
    severities = d["severities"]
    if not isinstance(severities, list) or not all(s is None or isinstance(s, str) for s in severities):
        raise IndexFileError("severities: expected strings or nulls")
    related = _phrase_list(d["related"], "related")
    for name, value in (*per_entry.items(), ("severities", severities), ("related", related)):
        if len(value) != n:
            raise IndexFileError(f"{name}: {len(value)} values for {n} entries")
    raw_postings = d["postings"]
    if not isinstance(raw_postings, dict):
        raise IndexFileError("postings: expected an object")
    postings: dict[str, bytes] = {}
    for term, packed in raw_postings.items():
        try:
            blob = base64.b64decode(_str(packed, "postings"), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise IndexFileError(f"postings[{term!r}]: not base64") from exc
        if len(blob) < _IDF.size or (len(blob) - _IDF.size) % _POSTING.size:
            raise IndexFileError(f"postings[{term!r}]: not a packed posting list")
        if any(i >= n for i, _, _ in postings_of(blob)):
            raise IndexFileError(f"postings[{term!r}]: entry number out of range")
        postings[term] = blob
    synonyms = []
    for raw in d["synonyms"] if isinstance(d["synonyms"], list) else [None]:
        if not (isinstance(raw, list) and len(raw) == 5 and isinstance(raw[4], bool)):
            raise IndexFileError("synonyms: expected [phrase, canonical, text, term, specific]")
        synonyms.append(Synonym(_strs(raw[0], "synonyms"), _strs(raw[1], "synonyms"),
                                _str(raw[2], "synonyms"), _str(raw[3], "synonyms"), raw[4]))
    cues = d["cues"]
    prefer = d["prefer"]
    if not isinstance(cues, dict) or not isinstance(prefer, dict):
        raise IndexFileError("cues and prefer: expected objects")
    idf_unseen = d["idf_unseen"]
    if not isinstance(idf_unseen, int | float) or isinstance(idf_unseen, bool):
        raise IndexFileError("idf_unseen: expected a number")
    return Index(
        ids=ids, kinds=per_entry["kinds"], titles=per_entry["titles"], severities=tuple(severities),
        excerpts=per_entry["excerpts"], related=related, postings=postings, idf_unseen=float(idf_unseen),
        synonyms=tuple(synonyms),
        cues={_str(k, "cues"): _phrase_list(v, "cues") for k, v in cues.items()},
        default_mode=_str(d["default_mode"], "default_mode"),
        question_mode=_str(d["question_mode"], "question_mode"),
        imperatives=frozenset(_strs(d["imperatives"], "imperatives")),
        prefer={_str(k, "prefer"): _str(v, "prefer") for k, v in prefer.items()},
        mode_order=_strs(d["mode_order"], "mode_order"),
        anchors=_phrase_list(d["anchors"], "anchors"), not_domain=_phrase_list(d["not_domain"], "not_domain"),
        domain=frozenset(_strs(d["domain"], "domain")),
        weak_anchors=_phrase_list(d["weak_anchors"], "weak_anchors"),
        names=frozenset(_strs(d["names"], "names")),
        neighbours=_phrase_list(d["neighbours"], "neighbours"), subjects=_phrase_list(d["subjects"], "subjects"),
    )


def loads(text: str) -> Index:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise IndexFileError(f"not JSON ({exc})") from None
    return from_data(data)


def read(root: Path) -> Index:
    """The index file of the skill at `root`; only a regular file of bounded size is read."""
    import os
    import stat

    path = root / FILENAME
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise IndexFileError(f"{path}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise IndexFileError(f"{path}: not a regular file")
        if info.st_size > MAX_BYTES:
            raise IndexFileError(f"{path}: {info.st_size} bytes, more than {MAX_BYTES}")
        raw = handle.read(MAX_BYTES + 1)
    try:
        return loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise IndexFileError(f"{path}: not UTF-8") from None
    except IndexFileError as exc:
        raise IndexFileError(f"{path}: {exc}") from None


def write(root: Path, index: Index) -> Path:
    path = root / FILENAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(dumps(index), encoding="utf-8")
    tmp.replace(path)
    return path
