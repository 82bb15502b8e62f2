"""Shared pieces of the `check` walker/CLI tests: a stand-in engine and the fixture skill.

The stand-in flags the marker calls `SEND(` (rule fixture-send-unchecked, warning) and
`NOTE(` (fixture-note-style, info), so these tests exercise walking, suppressions,
configuration and output independently of the real rules, which have tests of their own.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

import pytest

from realtime_skill.diagnostics import Diagnostic, Severity

FIXTURE_SKILL = Path(__file__).parent / "fixtures" / "check_cli" / "skill"
SEND, NOTE = "fixture-send-unchecked", "fixture-note-style"
MARKERS: tuple[tuple[str, str, Severity], ...] = (("SEND(", SEND, "warning"), ("NOTE(", NOTE, "info"))
CALLS: list[str] = []


def fake_check_source(text: str, filename: str, *, skill: object = None,
                      select: Iterable[str] | None = None,
                      ignore: Iterable[str] | None = None) -> list[Diagnostic]:
    CALLS.append(filename)
    chosen = set(select) if select is not None else None
    dropped = set(ignore or ())
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        for marker, rule, severity in MARKERS:
            col = line.find(marker)
            if col < 0 or rule in dropped or (chosen is not None and rule not in chosen):
                continue
            out.append(Diagnostic(filename, number, rule, f"{rule} message", severity=severity,
                                  column=col + 1, end_line=number, end_column=col + 1 + len(marker)))
    return out


def install_fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    package = importlib.import_module("realtime_skill.check")
    monkeypatch.setattr(package, "check_source", fake_check_source, raising=False)
    CALLS.clear()


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
