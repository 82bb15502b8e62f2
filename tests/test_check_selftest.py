"""The rule self-tests catch broken rules (fixture skill under tests/fixtures/check/)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from check_engine_support import repo_skill

from realtime_skill.check.selftest import recommended_code_findings, selftest
from realtime_skill.loader import load_skill

BROKEN = Path(__file__).parent / "fixtures" / "check" / "broken-skill"


def _by_rule(entry_id: str) -> list[tuple[str, int, str]]:
    skill = load_skill(BROKEN, use_cache=False)
    return [(d.rule, d.line, d.message) for d in selftest(skill) if d.message.startswith(entry_id + ":")]


def _line_of(text: str, needle: str, start: int = 0) -> int:
    lines = (BROKEN / "references" / "validations.md").read_text().split("\n")
    return next(i + 1 for i in range(start, len(lines)) if needle in lines[i])


def test_the_repository_rules_pass_their_self_tests() -> None:
    assert selftest(repo_skill()) == []


def test_missed_bad_example_and_finding_off_its_mark() -> None:
    found = _by_rule("misses-bad-example")
    assert [r for r, _, _ in found] == ["rule-self-test", "rule-self-test", "rule-self-test"]
    start = _line_of("", "## misses-bad-example")
    missed_line = _line_of("", "setTimeout(run, 10);", start)
    off_line = _line_of("", "setInterval(run, 10);", start)
    marked_line = _line_of("", "const a = 1;", start)
    lines = sorted(line for _, line, _ in found)
    assert lines == sorted([missed_line, off_line, marked_line])


def test_rule_firing_on_a_good_example() -> None:
    found = _by_rule("fires-on-good-example")
    good_line = _line_of("", "sleep(3)")
    assert found == [("rule-self-test", good_line, found[0][2])]
    assert "good example" in found[0][2]


def test_catastrophic_regex_is_reported() -> None:
    found = _by_rule("redos-regex")
    assert [r for r, _, _ in found] == ["rule-redos"]
    assert "(a+)+" in found[0][2]


def test_query_that_does_not_compile() -> None:
    found = _by_rule("invalid-query")
    rules = sorted(r for r, _, _ in found)
    assert rules == ["rule-examples", "rule-invalid", "rule-invalid", "rule-invalid"]  # one per JS grammar
    rule_block = _line_of("", "```yaml rule", _line_of("", "## invalid-query"))
    assert all(line == rule_block for r, line, _ in found if r == "rule-invalid")


def test_schema_violation_and_too_few_examples() -> None:
    found = _by_rule("schema-violation")
    assert sorted(r for r, _, _ in found) == ["rule-examples", "rule-invalid"]


def test_recommended_code_that_trips_a_rule() -> None:
    skill = load_skill(BROKEN, use_cache=False)
    found = recommended_code_findings(skill)
    assert [(d.rule, d.path) for d in found] == [("code-trips-validation", "references/patterns.md")]
    lines = (BROKEN / "references" / "patterns.md").read_text().split("\n")
    assert lines[found[0].line - 1] == "setInterval(tick, 1000);"
    assert "misses-bad-example" in found[0].message


def test_repository_recommended_code_is_clean_in_validations() -> None:
    found = [d for d in recommended_code_findings(repo_skill()) if d.path == "references/validations.md"]
    assert found == []
