"""Self-tests of the rules, for `realtime-skill lint` and the test suite.

- `rule-invalid`: the rule block does not match the schema, a query does not compile,
  a regex is not valid RE2 (at the rule block line).
- `rule-redos`: a regex whose structure backtracks catastrophically (`(a+)+$`).
- `rule-self-test`: a bad example not flagged on its `ruleid:` lines, a finding off
  those lines, or a good example flagged (at the example's file line).
- `rule-examples`: fewer than two bad or two good examples.
- `code-trips-validation` (`recommended_code_findings`): recommended code in any entry
  (fences without bad/good/meta/rule) that trips a rule.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from .engine import check_text
from .regex import redos_problem
from .rules import RuleSet, compile_rules, rule_from_entry, rule_problems

if TYPE_CHECKING:
    from ..model import Entry, Example, Skill

CHECKABLE = frozenset({"javascript", "typescript", "tsx", "python", "nginx"})
_MATCH_PREDICATE = re.compile(r'#(?:not-)?match\?\s+@[\w.-]+\s+"((?:[^"\\]|\\.)*)"')


def _query_regexes(obj: object) -> list[str]:
    """The regexes of `#match?` predicates inside every tree-sitter query of a rule."""
    from .treematch import values_under

    return [m.group(1).encode().decode("unicode_escape")
            for query in values_under(obj, ("query",)) for m in _MATCH_PREDICATE.finditer(query)]


def redos_findings(entry: Entry) -> list[Diagnostic]:
    from .treematch import regexes_in

    if entry.rule is None:
        return []
    out: list[Diagnostic] = []
    for regex in [*regexes_in(entry.rule), *_query_regexes(entry.rule)]:
        why = redos_problem(regex)
        if why:
            out.append(Diagnostic(entry.path, entry.rule_line or entry.line, "rule-redos",
                                  f"{entry.id}: regex {regex!r} can backtrack catastrophically: {why}",
                                  hint="remove the nested or overlapping repetition"))
    return out


def _example_findings(entry: Entry, example: Example, ruleset: RuleSet) -> list[Diagnostic]:
    block = example.block
    filename = block.filename or "example"
    found = [d for d in check_text(block.code, filename, ruleset, select=[entry.id], language=block.language)
             if d.rule in (entry.id, "check-error")]
    out: list[Diagnostic] = []
    where = f"{entry.id}: {example.expect} example{f' ({example.label[:60]})' if example.label else ''}"
    errors = [d for d in found if d.rule == "check-error"]
    for d in errors:
        out.append(Diagnostic(entry.path, block.line + d.line, "rule-self-test", f"{where}: {d.message}"))
    hits = sorted({d.line for d in found if d.rule == entry.id})
    if example.expect == "good":
        for line in hits:
            out.append(Diagnostic(entry.path, block.line + line, "rule-self-test",
                                  f"{where} is flagged on its line {line}"))
        return out
    expected = set(example.expected_lines)
    if not expected:
        out.append(Diagnostic(entry.path, block.line, "rule-self-test",
                              f"{where} has no `ruleid: {entry.id}` comment marking the line to flag"))
    for line in sorted(expected - set(hits)):
        out.append(Diagnostic(entry.path, block.line + line, "rule-self-test",
                              f"{where}: expected a finding on its line {line}, got none"))
    for line in sorted(set(hits) - expected):
        out.append(Diagnostic(entry.path, block.line + line, "rule-self-test",
                              f"{where}: finding on its line {line}, which has no `ruleid:` mark"))
    return out


def selftest(skill: Skill) -> list[Diagnostic]:
    """Problems of every validation rule of `skill` (see the module docstring)."""
    out: list[Diagnostic] = []
    for entry in skill.by_kind("validation"):
        out.extend(entry_selftest(entry))
    return sorted(out, key=Diagnostic.sort_key)


def entry_selftest(entry: Entry) -> list[Diagnostic]:
    problems = rule_problems(entry)
    out = list(problems) + redos_findings(entry)
    bad = [e for e in entry.examples if e.expect == "bad"]
    good = [e for e in entry.examples if e.expect == "good"]
    if len(bad) < 2 or len(good) < 2:
        out.append(Diagnostic(entry.path, entry.line, "rule-examples",
                              f"{entry.id}: needs at least 2 bad and 2 good examples "
                              f"(has {len(bad)} bad, {len(good)} good)"))
    if problems:
        return out
    ruleset = RuleSet((rule_from_entry(entry),), ())
    for example in entry.examples:
        if example.block.language not in CHECKABLE:
            out.append(Diagnostic(entry.path, example.block.line, "rule-self-test",
                                  f"{entry.id}: example in {example.block.info.split()[0]!r} cannot be checked"))
            continue
        out.extend(_example_findings(entry, example, ruleset))
    return out


def recommended_code_findings(skill: Skill) -> list[Diagnostic]:
    """Rule findings in recommended code blocks (role "code") of every entry."""
    from ..codeparse import DEFAULT_SUFFIX

    ruleset = compile_rules(skill)
    out: list[Diagnostic] = []
    for entry in skill.entries:
        for block in entry.code_blocks():
            if block.role != "code" or block.language not in CHECKABLE:
                continue
            suffix = ".jsx" if block.info.split()[0].lower() == "jsx" else DEFAULT_SUFFIX[block.language]
            name = block.filename or f"example{suffix}"
            for d in check_text(block.code, name, ruleset, language=block.language):
                if d.rule == "check-error":
                    continue  # a broken rule: selftest reports it as rule-invalid
                out.append(Diagnostic(entry.path, block.line + d.line, "code-trips-validation",
                                      f"{entry.id}: recommended code trips {d.rule}: {d.message}",
                                      severity="error", column=d.column,
                                      hint="fix the code, or mark the fence `bad` if the anti-pattern is shown on purpose"))
    return sorted(out, key=Diagnostic.sort_key)
