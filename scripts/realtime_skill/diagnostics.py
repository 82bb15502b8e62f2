"""The one problem record that every check produces and every renderer consumes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem at a place: 1-based line and column, as in SARIF and editors."""

    path: str
    line: int
    rule: str
    message: str
    severity: Severity = "error"
    column: int = 1
    hint: str | None = None
    end_line: int | None = None
    end_column: int | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line if self.end_line is not None else self.line,
            "end_column": self.end_column if self.end_column is not None else self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


def worst(diagnostics: list[Diagnostic]) -> int:
    """Highest severity rank present, -1 for none."""
    return max((SEVERITY_RANK[d.severity] for d in diagnostics), default=-1)
