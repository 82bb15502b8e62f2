"""Inline suppressions: `realtime-skill: ignore[...]` on the line or alone on the line above."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_cli_support import FIXTURE_SKILL, NOTE, SEND, install_fake_engine, write

from realtime_skill.check.runner import check_paths
from realtime_skill.check.suppress import apply_suppressions, scan_suppressions
from realtime_skill.diagnostics import Diagnostic
from realtime_skill.loader import load_skill


def finding(line: int, rule: str = SEND) -> Diagnostic:
    return Diagnostic("a.js", line, rule, "m")


def kept_lines(text: str, rule: str = SEND) -> list[int]:
    lines = range(1, text.count("\n") + 2)
    return [d.line for d in apply_suppressions([finding(n, rule) for n in lines], text)]


def test_same_line_directive_silences_only_its_line() -> None:
    text = "ws.send(a) // realtime-skill: ignore[fixture-send-unchecked]\nws.send(b)\n"
    assert kept_lines(text) == [2, 3]


def test_comment_alone_on_the_line_above_covers_the_next_line() -> None:
    text = "// realtime-skill: ignore[fixture-send-unchecked]\nws.send(a)\nws.send(b)\n"
    assert kept_lines(text) == [3, 4]


def test_trailing_directive_does_not_reach_the_next_line() -> None:
    text = "f() // realtime-skill: ignore[fixture-send-unchecked]\nws.send(b)\n"
    assert 2 in kept_lines(text)


def test_python_hash_comments_and_jsx_block_comments() -> None:
    assert kept_lines("# realtime-skill: ignore[fixture-send-unchecked]\nws.send(a)\n") == [3]
    assert kept_lines("x = 1  # realtime-skill: ignore[fixture-send-unchecked]\n") == [2]
    assert kept_lines("{/* realtime-skill: ignore[fixture-send-unchecked] */}\n<A/>\n") == [3]
    assert kept_lines("/* realtime-skill: ignore */ send()\n") == [2]


def test_ids_are_matched_exactly_and_lists_are_comma_separated() -> None:
    text = "x() // realtime-skill: ignore[ other-rule , fixture-send-unchecked ]\n"
    assert kept_lines(text) == [2]
    assert kept_lines(text, rule=NOTE) == [1, 2]
    assert kept_lines("x() // realtime-skill: ignore[fixture-send]\n") == [1, 2]


def test_bare_ignore_silences_every_rule() -> None:
    text = "x() // realtime-skill: ignore\n"
    assert kept_lines(text) == [2] and kept_lines(text, rule=NOTE) == [2]


def test_empty_brackets_and_text_outside_comments_silence_nothing() -> None:
    assert kept_lines("x() // realtime-skill: ignore[]\n") == [1, 2]
    assert kept_lines('s = "realtime-skill: ignore"\n') == [1, 2]
    assert kept_lines("x() // realtime-skill: ignored for now\n") == [1, 2]


def test_two_directives_on_adjacent_lines_merge() -> None:
    sup = scan_suppressions("// realtime-skill: ignore[a]\nx() // realtime-skill: ignore[b]\n")
    assert sup.suppresses("a", 2) and sup.suppresses("b", 2) and not sup.suppresses("c", 2)


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_paths_applies_suppressions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    install_fake_engine(monkeypatch)
    code = ("SEND(1)\n"
            "SEND(2) // realtime-skill: ignore[fixture-send-unchecked]\n"
            "// realtime-skill: ignore[fixture-send-unchecked]\n"
            "SEND(3); NOTE(3)\n")
    # enough files to take the parallel path when jobs=2
    for i in range(210):
        write(tmp_path / f"f{i}.js", code)
    report = check_paths([str(tmp_path)], skill=load_skill(FIXTURE_SKILL, use_cache=False), jobs=jobs)
    assert {(d.line, d.rule) for d in report.findings} == {(1, SEND), (4, NOTE)}
    assert len(report.findings) == 420
