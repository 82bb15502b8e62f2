"""nginx configs as nested blocks that know directive inheritance.

nginx inherits a directive from the enclosing level only when the current level does
not set it at all. For array-like directives (`proxy_set_header`, `add_header` ...)
that means one `proxy_set_header` in a location drops *every* server-level one; for
ordinary directives (`proxy_read_timeout`) the innermost setting wins. Both are the
same rule seen from here: the innermost level that has the directive supplies all of
its values. Time values accept nginx units (ms, s, m, h, d, w, M, y). A variable defined by a
`map` of the same file (`map $http_upgrade $conn_hdr { default upgrade; '' close; }`)
stands for each of its values when a directive's arguments are matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .regex import compile_re2

_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "M": 2592000, "y": 31536000}


@dataclass
class Directive:
    name: str
    args: list[str]
    line: int
    parent: Block | None
    block: Block | None = None

    @property
    def joined(self) -> str:
        return " ".join(self.args)


@dataclass
class Block:
    name: str  # "" for the file itself
    args: list[str]
    line: int
    parent: Block | None
    directives: list[Directive] = field(default_factory=list)
    _maps: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)

    @property
    def joined(self) -> str:
        return " ".join(self.args)

    def own(self, name: str) -> list[Directive]:
        return [d for d in self.directives if d.name == name]

    def chain(self) -> Iterator[Block]:
        current: Block | None = self
        while current is not None:
            yield current
            current = current.parent

    def effective(self, name: str) -> list[Directive]:
        """The directives that apply here after inheritance (innermost level wins)."""
        for level in self.chain():
            found = level.own(name)
            if found:
                return found
        return []

    def blocks(self) -> Iterator[Block]:
        for d in self.directives:
            if d.block is not None:
                yield d.block
                yield from d.block.blocks()


def _root(block: Block) -> Block:
    current = block
    while current.parent is not None:
        current = current.parent
    return current


_MAX_EXPANSIONS = 16


def map_values(root: Block) -> dict[str, list[str]]:
    """`$var` -> the values a `map ... $var { ... }` of this file can give it (made
    once per file and kept on its root block)."""
    if root._maps is not None:
        return root._maps
    out: dict[str, list[str]] = {}
    for block in [root, *root.blocks()]:
        for d in block.directives:
            if d.name == "map" and d.block is not None and len(d.args) == 2:
                values = [entry.args[-1] for entry in d.block.directives if entry.args]
                if values:
                    out.setdefault(d.args[1], []).extend(values)
    root._maps = out
    return out


def _literal(value: str) -> Callable[[re.Match[str]], str]:
    return lambda _match: value


def expansions(text: str, maps: Mapping[str, list[str]]) -> list[str]:
    """`text` and the texts it becomes when mapped variables take their values."""
    texts = [text]
    for var, values in maps.items():
        pattern = re.compile(re.escape(var) + r"(?![A-Za-z0-9_])")
        grown: list[str] = []
        for t in texts:
            if pattern.search(t):
                # a function replacement: the value is literal text, never a template
                grown.extend(pattern.sub(_literal(v), t) for v in values)
        texts.extend(grown)
        if len(texts) > _MAX_EXPANSIONS:
            break
    return texts[:_MAX_EXPANSIONS]


def parse_seconds(value: str) -> float | None:
    """`75s`, `2m`, `1h30m`, `500ms`, `3600` -> seconds; None when not a time."""
    total = 0.0
    rest = value.strip()
    if not rest:
        return None
    if rest.isdigit():
        return float(rest)
    while rest:
        digits = ""
        while rest and rest[0].isdigit():
            digits, rest = digits + rest[0], rest[1:]
        if not digits:
            return None
        unit = "ms" if rest.startswith("ms") else rest[:1]
        if unit not in _UNITS:
            return None
        total += int(digits) * _UNITS[unit]
        rest = rest[len(unit):]
    return total


def build(payload: Mapping[str, Any]) -> tuple[Block, list[tuple[int, str]]]:
    root = Block("", [], 1, None)
    errors: list[tuple[int, str]] = []
    for config in payload.get("config", []) or []:
        for err in config.get("errors", []) or []:
            errors.append((int(err.get("line") or 1), str(err.get("error"))))
        _fill(root, config.get("parsed") or [])
    return root, errors


def _fill(block: Block, items: list[Mapping[str, Any]]) -> None:
    for item in items:
        name = str(item.get("directive", ""))
        if name == "#":
            continue  # a comment is not a setting
        args = [str(a) for a in item.get("args") or []]
        line = int(item.get("line") or 1)
        directive = Directive(name, args, line, block)
        if "block" in item:
            child = Block(name, args, line, block)
            directive.block = child
            _fill(child, item.get("block") or [])
        block.directives.append(directive)


def parse(source: str) -> tuple[Block, list[tuple[int, str]]]:
    from ..codeparse import nginx_parse

    return build(nginx_parse(source))


# --- conditions ----------------------------------------------------------------------


class NginxRuleError(ValueError):
    pass


def run_pattern(root: Block, pattern: Mapping[str, Any]) -> list[Block]:
    wanted = str(pattern.get("block", "location"))
    out: list[Block] = []
    for block in root.blocks():
        if block.name != wanted:
            continue
        if all(evaluate(cond, block) for cond in pattern.get("where") or []):
            out.append(block)
    return out


def report_line(block: Block, pattern: Mapping[str, Any]) -> int:
    """The line to report for a matching block: the statement at fault is usually a
    directive of the block (a location's `proxy_pass`), named by `report:` in order of
    preference; the block's own line when it has none of them."""
    for name in pattern.get("report") or ():
        own = block.own(str(name))
        if own:
            return own[0].line
    return block.line


def _directives(block: Block, name: str, scope: str) -> list[Directive]:
    if scope == "block":
        return block.own(name)
    if scope == "chain":
        return [d for level in block.chain() for d in level.own(name)]
    if scope == "effective":
        return block.effective(name)
    raise NginxRuleError(f"unknown scope {scope!r} (block, effective, chain)")


def evaluate(cond: Mapping[str, Any], block: Block) -> bool:
    if not isinstance(cond, Mapping) or len(cond) != 1:
        raise NginxRuleError(f"a condition is a mapping with one key, got {cond!r}")
    ((key, arg),) = cond.items()
    if key == "not":
        return not evaluate(arg, block)
    if key == "any":
        return any(evaluate(c, block) for c in arg)
    if key == "all":
        return all(evaluate(c, block) for c in arg)
    if key == "args":
        return compile_re2(str(arg)).search(block.joined) is not None
    if key == "has":
        found = _directives(block, str(arg["directive"]), str(arg.get("scope", "effective")))
        regex = arg.get("args")
        if regex is None:
            return bool(found)
        pattern = compile_re2(str(regex))
        maps = map_values(_root(block))
        return any(pattern.search(t) is not None for d in found for t in expansions(d.joined, maps))
    if key == "time":
        found = _directives(block, str(arg["directive"]), str(arg.get("scope", "effective")))
        seconds = parse_seconds(found[-1].args[0]) if found and found[-1].args else None
        if seconds is None:
            seconds = float(arg["default"]) if "default" in arg else None
        if seconds is None:
            return False
        if "at-most" in arg and not seconds <= float(arg["at-most"]):
            return False
        if "at-least" in arg and not seconds >= float(arg["at-least"]):
            return False
        return True
    raise NginxRuleError(f"unknown nginx condition {key!r}")


CONDITION_NAMES = ("not", "any", "all", "args", "has", "time")
