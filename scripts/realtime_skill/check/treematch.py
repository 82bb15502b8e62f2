"""Structural matching of JS/TS/TSX/Python with tree-sitter queries plus conditions.

A rule pattern is data (see references/FORMAT.md, "The rule language"): a query whose
`@report` capture is the node to report, and `where` conditions over the captures.
This module knows tree-sitter and the condition vocabulary, never a rule.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .prefilter import Needs, lowered_ascii, query_needs
from .regex import compile_re2
from .values import Definitions, collect_definitions, find_option, is_constant, resolve, text

if TYPE_CHECKING:
    from tree_sitter import Node, Query, Tree

Captures = dict[str, "Node"]


class RuleError(ValueError):
    """A rule that cannot be evaluated (bad query, unknown condition)."""


@lru_cache(maxsize=1024)
def compile_query(language: str, source: str) -> Query:
    from tree_sitter import Query, QueryError

    from ..codeparse import ts_language

    try:
        return Query(ts_language(language), source)
    except QueryError as exc:
        raise RuleError(f"query does not compile for {language}: {exc}") from None


def anchor_name(query: Query, preferred: str | None, default: str) -> str:
    names = [query.capture_name(i) for i in range(query.capture_count)]
    if preferred:
        if preferred not in names:
            raise RuleError(f"capture @{preferred} is not in the query")
        return preferred
    if default in names:
        return default
    if not names:
        raise RuleError("the query has no capture")
    return names[0]


@dataclass
class _Index:
    starts: list[int]
    items: list[tuple[Node, Captures]]
    by_id: dict[int, list[Captures]]


_EMPTY = _Index([], [], {})  # shared and never mutated


@dataclass
class FileContext:
    """One parsed file: queries run once per file and are indexed by anchor node."""

    language: str
    text: str
    tree: Tree
    _defs: Definitions | None = None
    _indexes: dict[tuple[str, str], _Index] = field(default_factory=dict)
    _lowered: tuple[str | None] | None = None

    @property
    def lowered(self) -> str | None:
        """The text in lower case if it is ASCII, made once for the prefilter's
        case-insensitive words (see `Needs.met`)."""
        if self._lowered is None:
            self._lowered = (lowered_ascii(self.text),)
        return self._lowered[0]

    def may_match(self, needs: Needs) -> bool:
        return needs.met(self.text, self.lowered)

    @property
    def root(self) -> Node:
        return self.tree.root_node

    @property
    def defs(self) -> Definitions:
        if self._defs is None:
            self._defs = collect_definitions(self.root, self.language)
        return self._defs

    def index(self, source: str, anchor: str | None, default: str) -> _Index:
        key = (source, anchor or "\x00" + default)
        found = self._indexes.get(key)
        if found is not None:
            return found
        if not self.may_match(query_needs(source)):
            # a word every match needs is not in the file: no match, so neither compile
            # nor walk the tree (see prefilter.py)
            self._indexes[key] = _EMPTY
            return _EMPTY
        from tree_sitter import QueryCursor

        query = compile_query(self.language, source)
        name = anchor_name(query, anchor, default)
        cursor = QueryCursor(query)
        items: list[tuple[Node, Captures]] = []
        for _pattern, raw in cursor.matches(self.root):
            nodes = raw.get(name)
            if not nodes:
                continue
            flat: Captures = {k: v[0] for k, v in raw.items() if v}
            for node in nodes:
                items.append((node, {**flat, name: node}))
        items.sort(key=lambda it: (it[0].start_byte, -it[0].end_byte))
        by_id: dict[int, list[Captures]] = {}
        for node, caps in items:
            by_id.setdefault(node.id, []).append(caps)
        built = _Index([n.start_byte for n, _ in items], items, by_id)
        self._indexes[key] = built
        return built


@dataclass
class Match:
    node: Node
    captures: Captures


def run_pattern(ctx: FileContext, pattern: Mapping[str, Any]) -> list[Match]:
    """Every node of `pattern` that satisfies its conditions (top level: `@report`)."""
    query = str(pattern["query"])
    report = pattern.get("report")
    idx = ctx.index(query, None, "report")
    out: list[Match] = []
    where = pattern.get("where") or []
    for node, caps in idx.items:
        bound = dict(caps)
        if all(evaluate(ctx, cond, node, bound) for cond in where):
            target = bound.get(str(report)) if report else node
            out.append(Match(target if target is not None else node, bound))
    return out


# --- conditions ----------------------------------------------------------------------

Condition = Mapping[str, Any]
_Handler = Callable[[FileContext, Any, "Node", Captures], bool]


def evaluate(ctx: FileContext, cond: Condition, node: Node, caps: Captures) -> bool:
    if not isinstance(cond, Mapping) or len(cond) != 1:
        raise RuleError(f"a condition is a mapping with one key, got {cond!r}")
    ((key, arg),) = cond.items()
    handler = _HANDLERS.get(str(key))
    if handler is None:
        raise RuleError(f"unknown condition {key!r}")
    return handler(ctx, arg, node, caps)


def _node_of(arg: Mapping[str, Any], key: str, node: Node, caps: Captures) -> Node | None:
    name = arg.get(key)
    if name is None:
        return node
    return caps.get(str(name))


def _cond_not(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    return not evaluate(ctx, arg, node, dict(caps))


def _cond_any(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    for cond in arg:
        trial = dict(caps)
        if evaluate(ctx, cond, node, trial):
            caps.update(trial)
            return True
    return False


def _cond_all(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    return all(evaluate(ctx, cond, node, caps) for cond in arg)


def _cond_match(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    target = _node_of(arg, "capture", node, caps)
    if target is None:
        return False
    return compile_re2(str(arg["regex"])).search(text(target)) is not None


def _value_predicates(ctx: FileContext, arg: Mapping[str, Any], value: Node, caps: Captures) -> bool:
    if "regex" in arg and compile_re2(str(arg["regex"])).search(text(value)) is None:
        return False
    if "types" in arg and value.type not in arg["types"]:
        return False
    if "constant" in arg and is_constant(value, ctx.defs) != bool(arg["constant"]):
        return False
    if arg.get("as"):
        caps[str(arg["as"])] = value
    return True


def _cond_value(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    target = _node_of(arg, "capture", node, caps)
    if target is None:
        return False
    return _value_predicates(ctx, arg, resolve(target, ctx.defs), caps)


def _cond_option(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    target = _node_of(arg, "capture", node, caps)
    if target is None:
        return False
    path = arg.get("path") or [arg["key"]]
    state, value = find_option(target, [str(p) for p in path], ctx.defs)
    if arg.get("absent"):
        return state == "absent"
    if state != "found" or value is None:
        return False
    if not _value_predicates(ctx, arg, resolve(value, ctx.defs), caps):
        return False
    if arg.get("at"):
        caps[str(arg["at"])] = value  # where the option is written, for reporting
    return True


def _cond_same(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    a, b = caps.get(str(arg[0])), caps.get(str(arg[1]))
    if a is None or b is None:
        return False
    return _normal(a) == _normal(b)


def _normal(node: Node) -> str:
    """Text for comparison: whitespace removed, and 'x', "x" and `x` alike."""
    squeezed = "".join(text(node).split())
    if len(squeezed) >= 2 and squeezed[0] == squeezed[-1] and squeezed[0] in "'\"`":
        return squeezed[1:-1]
    return squeezed


_IDENTIFIERS = frozenset({"identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern"})


def _identifiers(node: Node) -> set[str]:
    out: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in _IDENTIFIERS:
            out.add(text(current))
        stack.extend(c for c in current.children)
    return out


def _cond_refers(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    source = caps.get(str(arg["capture"])) if arg.get("capture") else node
    target = caps.get(str(arg["to"]))
    if source is None or target is None:
        return False
    names = _identifiers(target) if target.type not in _IDENTIFIERS else {text(target)}
    return bool(names & _identifiers(source))


def _sub_where(pattern: Mapping[str, Any]) -> list[Condition]:
    return list(pattern.get("where") or [])


def _cond_inside(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    start = _node_of(arg, "of", node, caps)
    if start is None:
        return False
    idx = ctx.index(str(arg["query"]), arg.get("capture"), "scope")
    stop = set(arg.get("stop-at") or ())
    nearest = bool(arg.get("nearest"))
    depth = int(arg.get("depth", 10_000))
    current = start.parent
    climbed = 0
    while current is not None and climbed < depth:
        climbed += 1
        options = idx.by_id.get(current.id)
        if options:
            for option in options:
                trial = {**caps, **option}
                if all(evaluate(ctx, c, current, trial) for c in _sub_where(arg)):
                    caps.update(trial)
                    if arg.get("as"):
                        caps[str(arg["as"])] = current
                    return True
            if nearest:
                return False
        if current.type in stop:
            return False
        current = current.parent
    return False


def _cond_contains(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    where = arg.get("in")
    scope: Node | None
    if where == "file":
        scope = ctx.root
    else:
        scope = node if where is None else caps.get(str(where))
    if scope is None:
        return False
    idx = ctx.index(str(arg["query"]), arg.get("capture"), "scope")
    lo = bisect_left(idx.starts, scope.start_byte)
    for i in range(lo, len(idx.items)):
        found, option = idx.items[i]
        if found.start_byte >= scope.end_byte:
            break
        if found.end_byte > scope.end_byte:
            continue
        trial = {**caps, **option}
        if all(evaluate(ctx, c, found, trial) for c in _sub_where(arg)):
            caps.update(trial)
            if arg.get("as"):
                caps[str(arg["as"])] = found
            return True
    return False


def _cond_lacks(ctx: FileContext, arg: Any, node: Node, caps: Captures) -> bool:
    return not _cond_contains(ctx, arg, node, dict(caps))


_HANDLERS: dict[str, _Handler] = {
    "not": _cond_not,
    "any": _cond_any,
    "all": _cond_all,
    "match": _cond_match,
    "value": _cond_value,
    "option": _cond_option,
    "same": _cond_same,
    "refers": _cond_refers,
    "inside": _cond_inside,
    "contains": _cond_contains,
    "lacks": _cond_lacks,
}

CONDITION_NAMES = tuple(_HANDLERS)


def patterns_in(pattern: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Every query-bearing mapping in a pattern (itself and nested inside/contains)."""
    out: list[Mapping[str, Any]] = [pattern]

    def visit(cond: Any) -> None:
        if not isinstance(cond, Mapping):
            return
        for key, arg in cond.items():
            if key in ("inside", "contains", "lacks") and isinstance(arg, Mapping):
                out.append(arg)
                for sub in arg.get("where") or []:
                    visit(sub)
            elif key == "not":
                visit(arg)
            elif key in ("any", "all") and isinstance(arg, list):
                for sub in arg:
                    visit(sub)

    for cond in pattern.get("where") or []:
        visit(cond)
    return out


def bound_names(obj: Any) -> set[str]:
    """Capture names that conditions bind with `as:` or `at:` anywhere in a pattern."""
    out: set[str] = set()
    if isinstance(obj, Mapping):
        for key, value in obj.items():
            if key in ("as", "at") and isinstance(value, str):
                out.add(value)
            elif key != "query":
                out |= bound_names(value)
    elif isinstance(obj, list):
        for item in obj:
            out |= bound_names(item)
    return out


def values_under(obj: Any, keys: tuple[str, ...]) -> list[str]:
    """Every string value stored under one of `keys`, anywhere in a rule fragment."""
    out: list[str] = []
    if isinstance(obj, Mapping):
        for key, value in obj.items():
            if key in keys and isinstance(value, str):
                out.append(value)
            else:
                out.extend(values_under(value, keys))
    elif isinstance(obj, list):
        for item in obj:
            out.extend(values_under(item, keys))
    return out


def regexes_in(obj: Any) -> list[str]:
    """Every `regex` value in a rule fragment, for RE2 compilation and ReDoS checks."""
    return values_under(obj, ("regex", "args"))


def parse_file(source: str, language: str) -> FileContext:
    from ..codeparse import parse_tree

    tree: Tree = parse_tree(source, language)
    return FileContext(language, source, tree)
