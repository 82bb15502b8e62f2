"""Run compiled rules over one file's text: parse once, run every rule, never raise."""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic
from .rules import LANGUAGE_SECTION, Rule, RuleSet

CHECK_ERROR = "check-error"


def check_text(text: str, filename: str, ruleset: RuleSet, *,
               select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
               language: str | None = None) -> list[Diagnostic]:
    """Findings of the selected rules in `text` (named `filename`, which decides the
    language and the rules' `paths`), sorted by line. Internal problems come back as a
    `check-error` diagnostic, never as an exception. `language` overrides the file name."""
    try:
        return _check(text, filename, ruleset, select, ignore, language)
    except Exception as exc:  # the checker must never crash a caller (CI, MCP, an editor)
        return [Diagnostic(filename, 1, CHECK_ERROR, f"internal error while checking: {type(exc).__name__}: {exc}",
                           severity="error")]


def _check(text: str, filename: str, ruleset: RuleSet, select: Iterable[str] | None,
           ignore: Iterable[str] | None, language: str | None) -> list[Diagnostic]:
    from ..codeparse import language_for_filename

    lang = language or language_for_filename(filename)
    if lang is None or lang not in LANGUAGE_SECTION:
        return []
    rules = [r for r in ruleset.selected(select, ignore) if r.patterns(lang) and r.applies_to_path(filename)]
    if not rules:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", " ")
    out: list[Diagnostic] = []
    if lang == "nginx":
        out = _run_nginx(text, filename, rules)
    else:
        out = _run_tree(text, filename, lang, rules)
    seen: set[tuple[str, int]] = set()
    unique: list[Diagnostic] = []
    for d in sorted(out, key=Diagnostic.sort_key):
        if (d.rule, d.line) not in seen:
            seen.add((d.rule, d.line))
            unique.append(d)
    return unique


def _finding(rule: Rule, filename: str, line: int, column: int, end_line: int, end_column: int) -> Diagnostic:
    return Diagnostic(filename, line, rule.id, rule.message, severity=rule.severity, column=column,
                      hint=rule.hint, end_line=end_line, end_column=end_column)


def _char_column(lines: list[str], row: int, byte_col: int) -> int:
    """1-based column in characters: tree-sitter counts UTF-8 bytes, editors and SARIF
    (columnKind unicodeCodePoints) count characters."""
    line = lines[row] if 0 <= row < len(lines) else ""
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "replace")) + 1


def _rule_error(rule: Rule, filename: str, exc: Exception) -> Diagnostic:
    return Diagnostic(filename, 1, CHECK_ERROR, f"rule {rule.id} failed: {type(exc).__name__}: {exc}",
                      severity="error")


def _run_tree(text: str, filename: str, lang: str, rules: list[Rule]) -> list[Diagnostic]:
    from .treematch import parse_file, run_pattern

    ctx = parse_file(text, lang)
    lines = text.split("\n")
    out: list[Diagnostic] = []
    for rule in rules:
        try:
            for pattern, needs in rule.patterns_with_needs(lang):
                if not ctx.may_match(needs):
                    continue  # a word every finding of it needs is absent (prefilter.py)
                for match in run_pattern(ctx, pattern):
                    node = match.node
                    (row, col), (erow, ecol) = node.start_point, node.end_point
                    out.append(_finding(rule, filename, row + 1, _char_column(lines, row, col),
                                        erow + 1, _char_column(lines, erow, ecol)))
        except RecursionError as exc:
            out.append(_rule_error(rule, filename, exc))
        except Exception as exc:  # a bad rule must not hide the other rules' findings
            out.append(_rule_error(rule, filename, exc))
    return out


def _run_nginx(text: str, filename: str, rules: list[Rule]) -> list[Diagnostic]:
    from . import nginx

    root, _errors = nginx.parse(text)
    lines = text.split("\n")
    out: list[Diagnostic] = []
    for rule in rules:
        try:
            for pattern in rule.patterns("nginx"):
                for block in nginx.run_pattern(root, pattern):
                    line = nginx.report_line(block, pattern)
                    # crossplane gives lines only; span the directive's text on that line
                    src = lines[line - 1] if 0 < line <= len(lines) else ""
                    col = len(src) - len(src.lstrip()) + 1
                    out.append(_finding(rule, filename, line, col, line, max(len(src.rstrip()) + 1, col)))
        except Exception as exc:
            out.append(_rule_error(rule, filename, exc))
    return out
