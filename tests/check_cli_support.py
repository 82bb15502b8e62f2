"""Shared pieces of the `check` walker/CLI tests: a stand-in engine and the fixture skill.

The stand-in flags the marker calls `SEND(` (rule fixture-send-unchecked, warning) and
`NOTE(` (fixture-note-style, info) and raises on `CRASH(`, so these tests exercise
walking, suppressions, configuration and output independently of the real rules, which
have tests of their own (tests/check_support.py serves those).
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


def fake_check_text(text: str, filename: str, ruleset: object, *,
                    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
                    language: str | None = None) -> list[Diagnostic]:
    CALLS.append(f"{filename}:{language}")
    chosen = set(select) if select is not None else None
    dropped = set(ignore or ())
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if "CRASH(" in line:
            raise RuntimeError("stand-in engine failure")
        for marker, rule, severity in MARKERS:
            col = line.find(marker)
            if col < 0 or rule in dropped or (chosen is not None and rule not in chosen):
                continue
            out.append(Diagnostic(filename, number, rule, f"{rule} message", severity=severity,
                                  column=col + 1, end_line=number, end_column=col + 1 + len(marker)))
    return out


class FakeRuleSet:
    problems: tuple[Diagnostic, ...] = ()


def install_fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    package = importlib.import_module("realtime_skill.check")
    monkeypatch.setattr(package, "check_text", fake_check_text)
    monkeypatch.setattr(package, "compile_rules", lambda skill: FakeRuleSet())
    CALLS.clear()


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
