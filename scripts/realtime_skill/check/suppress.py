"""Inline suppressions: `realtime-skill: ignore[rule-id, other-id]` in a comment.

A directive silences findings that start on its own line; when the comment is the only
thing on its line it also covers the next line, so both styles work:

    ws.send(data)  // realtime-skill: ignore[ws-send-unchecked]
    # realtime-skill: ignore
    reconnect()

Bare `realtime-skill: ignore` silences every rule. Directives are found by scanning
lines for a comment marker (`#`, `//`, `/*`) before the directive, not by parsing: it
works the same in JS/TS/Python/nginx, costs nothing for the files (nearly all) that do
not contain the marker, and the rare directive-looking text inside a string literal
only silences its own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic

MARKER = "realtime-skill:"
_DIRECTIVE = re.compile(
    r"(?P<comment>#|//|/\*)[^\n]*?realtime-skill:\s*ignore\b(?:\[(?P<ids>[^\]\n]*)\])?"
)
# A line that holds only a comment: its directive also covers the line below.
_LINE_COMMENT = re.compile(r"^\s*(?:#|//)")


def _comment_only(line: str) -> bool:
    if _LINE_COMMENT.match(line):
        return True
    stripped = line.strip()
    if not (stripped.startswith(("/*", "{/*", "*"))):
        return False
    end = stripped.find("*/")
    # `/* directive */ code()` has code after the comment: it covers its own line only
    return end < 0 or stripped[end + 2:].strip() in ("", "}")


@dataclass(frozen=True, slots=True)
class Suppressions:
    """Per 1-based line: the rule ids silenced there, or None for every rule."""

    by_line: dict[int, frozenset[str] | None] = field(default_factory=dict)

    def suppresses(self, rule: str, line: int) -> bool:
        if line not in self.by_line:
            return False
        ids = self.by_line[line]
        return ids is None or rule in ids

    def __bool__(self) -> bool:
        return bool(self.by_line)


def _merge(target: dict[int, frozenset[str] | None], line: int, ids: frozenset[str] | None) -> None:
    if line in target:
        current = target[line]
        target[line] = None if current is None or ids is None else current | ids
    else:
        target[line] = ids


def scan_suppressions(text: str) -> Suppressions:
    """Every directive in a file's text."""
    if MARKER not in text:  # fast path: the directive is rare
        return Suppressions()
    by_line: dict[int, frozenset[str] | None] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if MARKER not in line:
            continue
        match = _DIRECTIVE.search(line)
        if match is None:
            continue
        raw = match.group("ids")
        ids: frozenset[str] | None = None
        if raw is not None:
            ids = frozenset(part.strip() for part in raw.split(",") if part.strip())
            if not ids:  # `ignore[]` names nothing: silence nothing rather than everything
                continue
        _merge(by_line, number, ids)
        if _comment_only(line):
            _merge(by_line, number + 1, ids)
    return Suppressions(by_line)


def apply_suppressions(findings: Iterable[Diagnostic], text: str) -> list[Diagnostic]:
    """The findings that no directive in `text` silences."""
    found = list(findings)
    if not found:
        return found
    suppressions = scan_suppressions(text)
    if not suppressions:
        return found
    return [f for f in found if not suppressions.suppresses(f.rule, f.line)]
