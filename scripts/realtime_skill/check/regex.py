"""Regular expressions of rules: compiled with RE2 (linear time), and checked for shapes
that would backtrack catastrophically in a backtracking engine.

RE2 cannot blow up, but rule authors copy patterns into editors, semgrep and
tree-sitter `#match?` predicates (Python `re`), so a pattern like `(a+)+$` is still a
defect of the rule; `redos_problem` finds it from the pattern's structure.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import Any


class RegexError(ValueError):
    """A rule regex that RE2 cannot compile."""


@lru_cache(maxsize=4096)
def compile_re2(pattern: str) -> Any:
    """Compile once per pattern; RE2 errors become RegexError (and are not logged)."""
    import re2

    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile(pattern, options)
    except Exception as exc:  # re2 raises its own error type; normalise it
        detail = exc.args[0] if exc.args else exc
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        raise RegexError(f"invalid regex {pattern!r}: {detail}") from None


def search(pattern: str, text: str) -> bool:
    return compile_re2(pattern).search(text) is not None


# --- catastrophic backtracking -------------------------------------------------------

_UNBOUNDED = 5  # a repeat whose maximum exceeds this is treated as "many"


def _parser() -> Any:
    return import_module("re._parser")


def _constants() -> Any:
    return import_module("re._constants")


def redos_problem(pattern: str) -> str | None:
    """Why `pattern` can backtrack catastrophically, or None.

    Detects the two classic exponential shapes: a repeated group that itself contains
    an unbounded repeat (`(a+)+`, `(\\w*x?)*`), and a repeated alternation whose branches
    can start with the same character (`(a|ab)*`, `(\\w|\\d)+`).
    """
    try:
        parsed = _parser().parse(pattern)
    except Exception:  # Python's parser rejects some RE2 syntax; RE2 itself decides validity
        return None
    return _walk(list(parsed), inside_repeat=False)


def _is_repeat(op: Any) -> bool:
    c = _constants()
    return op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)


def _walk(items: list[Any], inside_repeat: bool) -> str | None:
    c = _constants()
    for op, av in items:
        if _is_repeat(op):
            _low, high, sub = av
            many = high == c.MAXREPEAT or high > _UNBOUNDED
            if many and _ambiguous_body(list(sub)):
                return "nested quantifiers: a repeated group contains an unbounded repeat of the same text"
            if many:
                branches = _alternation(list(sub))
                if branches is not None and _overlapping(branches):
                    return "a repeated alternation whose branches can match the same text"
            found = _walk(list(sub), inside_repeat or many)
            if found:
                return found
        elif op == c.SUBPATTERN:
            found = _walk(list(av[-1]), inside_repeat)
            if found:
                return found
        elif op == c.BRANCH:
            for branch in av[1]:
                found = _walk(list(branch), inside_repeat)
                if found:
                    return found
    return None


def _unwrap_groups(items: list[Any]) -> list[Any]:
    c = _constants()
    while len(items) == 1 and items[0][0] == c.SUBPATTERN:
        items = list(items[0][1][-1])
    return items


def _ambiguous_body(items: list[Any]) -> bool:
    """A repeated body is ambiguous when it holds an unbounded repeat and nothing
    mandatory that the inner repeat cannot also match (so `(a+)+` and `(x+x+)+` are,
    `([a-z]+\\.)+` is not: the dot separates iterations)."""
    c = _constants()
    items = _unwrap_groups(items)
    inner: list[set[int] | None] = []
    separators: list[set[int] | None] = []
    for op, av in items:
        if _is_repeat(op):
            high = av[1]
            if high == c.MAXREPEAT or high > _UNBOUNDED:
                inner.append(_first_chars(list(av[2])))
            elif _can_repeat_nonempty(list(av[2])):
                inner.append(None)
            elif av[0] >= 1:
                separators.append(_first_chars(list(av[2])))
        elif op in (c.LITERAL, c.IN, c.NOT_LITERAL, c.ANY):
            separators.append(_first_chars([(op, av)]))
        elif op in (c.SUBPATTERN, c.BRANCH):
            if _can_repeat_nonempty([(op, av)]):
                inner.append(None)
            else:
                separators.append(_first_chars([(op, av)]))
    if not inner:
        return False
    if any(s is None for s in inner):
        union: set[int] | None = None
    else:
        union = set().union(*[s for s in inner if s is not None])
    for sep in separators:
        if sep is not None and union is not None and not (sep & union):
            return False  # a mandatory character the inner repeats cannot eat
    return True


def _can_repeat_nonempty(items: list[Any]) -> bool:
    """True when `items` contains an unbounded repeat of something non-empty."""
    c = _constants()
    for op, av in items:
        if _is_repeat(op):
            high = av[1]
            if high == c.MAXREPEAT or high > _UNBOUNDED:
                return True
            if _can_repeat_nonempty(list(av[2])):
                return True
        elif op == c.SUBPATTERN:
            if _can_repeat_nonempty(list(av[-1])):
                return True
        elif op == c.BRANCH:
            if any(_can_repeat_nonempty(list(b)) for b in av[1]):
                return True
    return False


def _alternation(items: list[Any]) -> list[list[Any]] | None:
    c = _constants()
    while len(items) == 1 and items[0][0] == c.SUBPATTERN:
        items = list(items[0][1][-1])
    if len(items) == 1 and items[0][0] == c.BRANCH:
        return [list(b) for b in items[0][1][1]]
    if len(items) == 1 and items[0][0] == c.IN:
        return None  # a character class is a single step: no ambiguity
    return None


@lru_cache(maxsize=1)
def _categories() -> dict[Any, set[int]]:
    c = _constants()
    digits = set(range(48, 58))
    word = digits | set(range(65, 91)) | set(range(97, 123)) | {95}
    return {c.CATEGORY_DIGIT: digits, c.CATEGORY_WORD: word, c.CATEGORY_SPACE: {9, 10, 11, 12, 13, 32}}


def _first_chars(items: list[Any]) -> set[int] | None:
    """Characters a sequence can start with; None means 'too broad to tell' (any)."""
    c = _constants()
    for op, av in items:
        if op == c.LITERAL:
            return {av}
        if op == c.NOT_LITERAL or op == c.ANY:
            return None
        if op == c.IN:
            out: set[int] = set()
            for kind, value in av:
                if kind == c.LITERAL:
                    out.add(value)
                elif kind == c.RANGE:
                    out.update(range(value[0], min(value[1], value[0] + 512) + 1))
                elif kind == c.CATEGORY and value in _categories():
                    out |= _categories()[value]
                else:  # categories (\w, \d, \s) and negations: treat as broad
                    return None
            return out
        if op == c.SUBPATTERN:
            return _first_chars(list(av[-1]))
        if _is_repeat(op):
            first = _first_chars(list(av[2]))
            if av[0] == 0:
                return None  # optional prefix: the next item may start too
            return first
        if op == c.BRANCH:
            out = set()
            for branch in av[1]:
                sub = _first_chars(list(branch))
                if sub is None:
                    return None
                out |= sub
            return out
        if op == c.AT:
            continue
        return None
    return set()


def _overlapping(branches: list[list[Any]]) -> bool:
    firsts = [_first_chars(b) for b in branches]
    for i, a in enumerate(firsts):
        for b in firsts[i + 1:]:
            if a is None or b is None:
                return True
            if a & b:
                return True
    return False
