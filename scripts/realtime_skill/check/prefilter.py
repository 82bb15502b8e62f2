"""Cheap literal prefilter: the words a query or a rule pattern cannot match without.

Most rules look for a handful of names (`WebSocket`, `setTimeout`, `JSON.parse`) that a
given file does not contain at all; running their tree-sitter queries there walks the
whole tree to find nothing. This module derives, from the rule *data* only (never a
rule name), a `Needs` formula of literals that any match implies, so the engine can
skip a query (and its compilation) after a substring test on the file's text.

Soundness is the one requirement: `Needs.met(text)` may be true for a file with no
match, never false for a file with one. So every derivation is an under-approximation
and anything not understood needs nothing:
- query predicates `#eq?`, `#any-of?`, `#match?` (and their `any-` forms) on a capture
  require their literal(s) only where that capture is captured: py-tree-sitter treats a
  predicate on a capture that a match did not bind (another branch of an alternation,
  an optional node) as satisfied, so a predicate constrains its capture sites, and an
  optional (`?`, `*`) site constrains nothing;
- a regex requires the literal runs every match of it contains (alternations become
  "any of"), from Python's own regex parser; case-insensitive literals are only tested
  on ASCII text (Unicode case folding maps e.g. U+212A KELVIN SIGN to `k`);
- rule conditions (`match`, `value` and `option` regexes, `inside`/`contains` queries)
  add theirs under `all`/`any`; `not`, `lacks` and an option's absence need nothing.
A query or regex that does not parse here needs nothing: it then runs as before, and
tree-sitter or RE2 reports its problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from typing import Any


@dataclass(frozen=True, slots=True)
class Needs:
    """A formula over literals: `kind` "lit" (`text` in the file), "all" or "any"."""

    kind: str
    text: str = ""
    icase: bool = False
    parts: tuple[Needs, ...] = ()

    def met(self, source: str, lowered: str | None) -> bool:
        """Whether `source` can hold a match. `lowered` is `source.lower()` when the
        source is ASCII, else None (made once per file by the caller): Unicode case
        folding is beyond a substring test, so then case-insensitive words count as met."""
        if self.kind == "lit":
            if not self.icase:
                return self.text in source
            return lowered is None or self.text in lowered
        if self.kind == "all":
            return all(p.met(source, lowered) for p in self.parts)
        return any(p.met(source, lowered) for p in self.parts)

    @property
    def trivial(self) -> bool:
        return self.kind == "all" and not self.parts


NOTHING = Needs("all")


def lowered_ascii(source: str) -> str | None:
    """The `lowered` argument of `Needs.met` for `source`."""
    return source.lower() if source.isascii() else None


def lit(text: str, icase: bool = False) -> Needs:
    if not text or (icase and not text.isascii()):
        return NOTHING
    return Needs("lit", text.lower() if icase else text, icase)


def all_of(parts: Iterable[Needs]) -> Needs:
    kept: list[Needs] = []
    for p in parts:
        if p.kind == "all":
            kept.extend(p.parts)  # flatten; NOTHING adds no part
        else:
            kept.append(p)
    unique = tuple(dict.fromkeys(kept))
    return unique[0] if len(unique) == 1 else Needs("all", parts=unique)


def any_of(parts: Iterable[Needs]) -> Needs:
    kept: list[Needs] = []
    for p in parts:
        if p.trivial:
            return NOTHING  # one branch that needs nothing: the choice needs nothing
        kept.extend(p.parts if p.kind == "any" else (p,))
    unique = tuple(dict.fromkeys(kept))
    if not unique:
        return NOTHING  # no branch at all: nothing known (never "impossible")
    return unique[0] if len(unique) == 1 else Needs("any", parts=unique)


# --- regexes -------------------------------------------------------------------------

@lru_cache(maxsize=1024)
def regex_needs(pattern: str) -> Needs:
    """Literals every match of `pattern` contains. Parsed with Python's regex parser,
    which reads the syntax that Python `re` (`#match?`) and RE2 (rule regexes) share;
    POSIX classes (`[[:alpha:]]`), which only RE2 knows and Python would read as a
    class followed by a literal `]`, make the pattern need nothing."""
    if "[:" in pattern:
        return NOTHING
    try:
        parsed = import_module("re._parser").parse(pattern)
    except Exception:
        return NOTHING
    return _sequence(list(parsed), bool(parsed.state.flags & re.IGNORECASE))


def _sequence(items: list[Any], icase: bool) -> Needs:
    c = import_module("re._constants")
    parts: list[Needs] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            parts.append(lit("".join(run), icase))
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        flush()  # literals on either side of anything else are not known to be adjacent
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            inner = (icase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            parts.append(_sequence(list(sub), inner))
        elif op is c.BRANCH:
            parts.append(any_of(_sequence(list(b), icase) for b in av[1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                parts.append(_sequence(list(sub), icase))
        elif op is c.ATOMIC_GROUP:
            parts.append(_sequence(list(av), icase))
        # classes, anchors, categories, lookarounds, backreferences: no literal
    flush()
    return all_of(parts)


# --- tree-sitter queries -------------------------------------------------------------

_TOKEN = re.compile(r'''
    \s+ | ;[^\n]*                                # space, comments
  | (?P<str>"(?:[^"\\]|\\.)*")
  | (?P<cap>@[\w.-]+)
  | (?P<pred>\#[\w-]+[?!])
  | (?P<field>[\w-]+:)
  | (?P<punct>[()\[\]?*+.])
  | (?P<word>!?[\w-]+)
''', re.VERBOSE)


class _Unknown(Exception):
    """Query syntax this reader does not follow: the query then needs nothing."""


@dataclass
class _Element:
    kind: str  # "node" (also a grouped sequence), "alt", "leaf"
    children: list[_Element]
    captures: list[str]
    optional: bool = False


def _tokens(source: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if m is None:
            raise _Unknown(source[pos:pos + 20])
        pos = m.end()
        if m.lastgroup:
            out.append((m.lastgroup, m.group()))
    return out


class _Reader:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.predicates: list[tuple[str, list[tuple[str, str]]]] = []

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise _Unknown("unexpected end")
        self.pos += 1
        return tok

    def element(self) -> _Element | None:
        """One element with its captures and quantifier; None for a predicate."""
        kind, value = self.take()
        if kind == "field":
            return self.element()
        if (kind, value) == ("punct", "("):
            nxt = self.peek()
            if nxt is not None and nxt[0] == "pred":
                self.take()
                args: list[tuple[str, str]] = []
                while (tok := self.take()) != ("punct", ")"):
                    args.append(tok)
                self.predicates.append((nxt[1], args))
                return None
            elem = _Element("node", [], [])
            while self.peek() != ("punct", ")"):
                child = self.element()
                if child is not None:
                    elem.children.append(child)
            self.take()
        elif (kind, value) == ("punct", "["):
            elem = _Element("alt", [], [])
            while self.peek() != ("punct", "]"):
                child = self.element()
                if child is not None:
                    elem.children.append(child)
            self.take()
        elif kind in ("str", "word") or (kind, value) == ("punct", "."):
            elem = _Element("leaf", [], [])  # node type, anonymous node, anchor, !field
        else:
            raise _Unknown(value)
        while (after := self.peek()) is not None and (after[0] == "cap" or after in (
                ("punct", "?"), ("punct", "*"), ("punct", "+"))):
            self.take()
            if after[0] == "cap":
                elem.captures.append(after[1][1:])
            elif after[1] in "?*":
                elem.optional = True  # zero occurrences allowed: its captures may be unbound
        return elem


def _string_value(token: tuple[str, str]) -> str:
    if token[0] != "str" or "\\" in token[1]:
        raise _Unknown(token[1])  # escapes: not worth mirroring tree-sitter's rules
    return token[1][1:-1]


def _predicate_needs(name: str, args: list[tuple[str, str]]) -> tuple[str, Needs] | None:
    """(capture, what each node it captures needs) for a positive text predicate."""
    if len(args) < 2 or args[0][0] != "cap" or any(a[0] != "str" for a in args[1:]):
        return None  # a negation, a capture-to-capture comparison, a directive
    capture = args[0][1][1:]
    try:
        values = [_string_value(a) for a in args[1:]]
    except _Unknown:
        return None
    if name in ("#eq?", "#any-eq?") and len(values) == 1:
        return capture, lit(values[0])
    if name == "#any-of?":
        return capture, any_of(lit(v) for v in values)
    if name in ("#match?", "#any-match?") and len(values) == 1:
        return capture, regex_needs(values[0])
    return None


def _element_needs(elem: _Element, by_capture: Mapping[str, list[Needs]]) -> Needs:
    if elem.optional:
        return NOTHING
    own = [n for c in elem.captures for n in by_capture.get(c, ())]
    children = [_element_needs(c, by_capture) for c in elem.children]
    inner = any_of(children) if elem.kind == "alt" else all_of(children)
    return all_of([inner, *own])


@lru_cache(maxsize=1024)
def query_needs(source: str) -> Needs:
    """Literals any match of the query `source` implies (any of its top-level patterns)."""
    try:
        reader = _Reader(_tokens(source))
        patterns: list[Needs] = []
        while reader.peek() is not None:
            reader.predicates = []
            elem = reader.element()
            if elem is None:
                return NOTHING  # a predicate outside any node: not a shape we follow
            by_capture: dict[str, list[Needs]] = {}
            for name, args in reader.predicates:
                found = _predicate_needs(name, args)
                if found is not None:
                    by_capture.setdefault(found[0], []).append(found[1])
            patterns.append(_element_needs(elem, by_capture))
    except _Unknown:
        return NOTHING
    return any_of(patterns)


# --- rule patterns -------------------------------------------------------------------

def pattern_needs(pattern: Mapping[str, Any]) -> Needs:
    """Literals any finding of a rule pattern (its query and its `where`) implies."""
    return all_of([query_needs(str(pattern.get("query", ""))), _where_needs(pattern.get("where") or [])])


def _where_needs(conds: Any) -> Needs:
    if not isinstance(conds, list):
        return NOTHING
    return all_of(_condition_needs(c) for c in conds)


def _condition_needs(cond: Any) -> Needs:
    if not isinstance(cond, Mapping) or len(cond) != 1:
        return NOTHING
    ((key, arg),) = cond.items()
    if key == "all" and isinstance(arg, list):
        return _where_needs(arg)
    if key == "any" and isinstance(arg, list):
        return any_of(_condition_needs(c) for c in arg) if arg else NOTHING
    if not isinstance(arg, Mapping):
        return NOTHING
    if key in ("match", "value") and isinstance(arg.get("regex"), str):
        return regex_needs(arg["regex"])  # the text of a node of this file matches it
    if key == "option" and not arg.get("absent") and isinstance(arg.get("regex"), str):
        return regex_needs(arg["regex"])
    if key in ("inside", "contains") and isinstance(arg.get("query"), str):
        return all_of([query_needs(arg["query"]), _where_needs(arg.get("where") or [])])
    return NOTHING  # not, lacks, same, refers, an absent option: no literal implied
