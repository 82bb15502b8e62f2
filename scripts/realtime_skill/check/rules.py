"""Compile the validation entries of a skill into executable rules (once per skill).

A rule's `yaml rule` block is checked against `schemas/rule.schema.json`, every query
is compiled for every grammar it applies to and every regex with RE2; a rule that
fails is reported (rule `rule-invalid`) and left out instead of breaking the run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Severity
from .regex import RegexError, compile_re2

if TYPE_CHECKING:
    from ..model import Entry, Skill
    from .prefilter import Needs

# Rule-block section -> the canonical languages it applies to.
SECTION_LANGUAGES: dict[str, tuple[str, ...]] = {
    "js": ("javascript", "typescript", "tsx"),
    "python": ("python",),
    "nginx": ("nginx",),
}
LANGUAGE_SECTION = {lang: section for section, langs in SECTION_LANGUAGES.items() for lang in langs}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    message: str
    hint: str | None
    spec: Mapping[str, Any]
    path: str  # the reference file and line of the rule block, for diagnostics
    line: int
    # language -> its patterns with the words each needs (see prefilter.py); filled on
    # first use in each process, since workers get the rule as plain pickled data
    _by_language: dict[str, tuple[tuple[Mapping[str, Any], Needs], ...]] = field(
        default_factory=dict, compare=False, repr=False)

    def patterns(self, language: str) -> list[Mapping[str, Any]]:
        return [p for p, _needs in self.patterns_with_needs(language)]

    def patterns_with_needs(self, language: str) -> tuple[tuple[Mapping[str, Any], Needs], ...]:
        found = self._by_language.get(language)
        if found is None:
            from .prefilter import pattern_needs

            section = LANGUAGE_SECTION.get(language)
            raw = self.spec.get(section) if section else None
            found = tuple((p, pattern_needs(p)) for p in (raw if isinstance(raw, list) else ())
                          if isinstance(p, Mapping) and language in p.get("languages", (language,)))
            self._by_language[language] = found
        return found

    def applies_to_path(self, filename: str) -> bool:
        from fnmatch import fnmatchcase

        paths = self.spec.get("paths") or {}
        name = filename.replace("\\", "/")
        base = name.rsplit("/", 1)[-1]

        def hit(globs: Any) -> bool:
            return any(fnmatchcase(name, g) or fnmatchcase(base, g) for g in globs or ())

        if paths.get("include") and not hit(paths.get("include")):
            return False
        return not hit(paths.get("exclude"))


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    problems: tuple[Diagnostic, ...]

    def selected(self, select: Any = None, ignore: Any = None) -> tuple[Rule, ...]:
        chosen = set(select) if select else None
        dropped = set(ignore or ())
        return tuple(r for r in self.rules if (chosen is None or r.id in chosen) and r.id not in dropped)


def first_sentence(markdown: str) -> str | None:
    """The first sentence of a section's prose (code blocks and markup removed)."""
    prose: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        if not line.strip():
            if prose:
                break
            continue
        prose.append(line.strip())
    joined = " ".join(prose).strip()
    if not joined:
        return None
    match = re.search(r"(?<=[.!?])\s", joined)
    sentence = joined[: match.start()] if match else joined
    return sentence.replace("**", "").strip()


def rule_problems(entry: Entry, *, compile_queries: bool = True) -> list[Diagnostic]:
    """Schema, query and regex problems of one validation's rule block. Without
    `compile_queries` only the cheap checks run (queries then compile lazily, per
    grammar, on first use; `lint` runs the full check)."""
    from jsonschema import Draft202012Validator

    from ..schema import load_schema
    from .nginx import CONDITION_NAMES as NGINX_CONDITIONS
    from .treematch import RuleError, anchor_name, bound_names, compile_query, patterns_in, regexes_in

    line = entry.rule_line or entry.line
    out: list[Diagnostic] = []

    def problem(message: str) -> None:
        out.append(Diagnostic(entry.path, line, "rule-invalid", f"{entry.id}: {message}"))

    if entry.rule is None:
        problem("no ```yaml rule block")
        return out
    validator = Draft202012Validator(load_schema("rule.schema.json"))
    for err in sorted(validator.iter_errors(entry.rule), key=lambda e: list(e.path)):
        where = ".".join(str(p) for p in err.absolute_path) or "rule"
        problem(f"{where}: {err.message}")
    if out:
        return out
    for section, languages in SECTION_LANGUAGES.items():
        patterns = entry.rule.get(section) or []
        for n, pattern in enumerate(patterns):
            if section == "nginx":
                _check_nginx_conditions(pattern.get("where") or [], NGINX_CONDITIONS, problem, f"nginx[{n}]")
                continue
            for language in (pattern.get("languages", languages) if compile_queries else ()):
                bound = bound_names(pattern)
                for k, sub in enumerate(patterns_in(pattern)):
                    try:
                        query = compile_query(language, str(sub["query"]))
                        wanted = sub.get("report") if k == 0 else sub.get("capture")
                        # `report:` may name a node bound by a condition's `as:`/`at:`
                        anchor_name(query, None if k == 0 and wanted in bound else wanted,
                                    "report" if k == 0 else "scope")
                    except RuleError as exc:
                        problem(f"{section}[{n}]: {exc}")
    for regex in regexes_in(entry.rule):
        try:
            compile_re2(regex)
        except RegexError as exc:
            problem(str(exc))
    return out


def _check_nginx_conditions(conds: Any, names: tuple[str, ...], problem: Any, where: str) -> None:
    for cond in conds:
        if not isinstance(cond, Mapping) or len(cond) != 1:
            problem(f"{where}: a condition is a mapping with one key")
            continue
        ((key, arg),) = cond.items()
        if key not in names:
            problem(f"{where}: unknown nginx condition {key!r}")
        elif key == "not":
            _check_nginx_conditions([arg], names, problem, where)
        elif key in ("any", "all"):
            _check_nginx_conditions(arg, names, problem, where)


def rule_from_entry(entry: Entry) -> Rule:
    fix = entry.section("Fix")
    severity = entry.severity if entry.severity in ("error", "warning", "info") else "warning"
    return Rule(entry.id, severity, entry.message or entry.title,  # type: ignore[arg-type]
                first_sentence(fix.markdown) if fix else None, entry.rule or {}, entry.path,
                entry.rule_line or entry.line)


_CACHE: dict[str, RuleSet] = {}
# The files whose content decides what `compile_rules` builds, besides the skill: a
# change to any of them makes a new on-disk cache key.
_ENGINE_FILES = ("rules.py", "treematch.py", "nginx.py", "regex.py", "prefilter.py", "../schemas/rule.schema.json")


def compile_rules(skill: Skill) -> RuleSet:
    """The executable rules of a skill; invalid rules become `rule-invalid` problems.

    Cached in memory per skill digest and on disk beside the skill cache: validating
    the rule blocks against the JSON schema (and importing jsonschema for it) was more
    than half of a cold one-file `check`, which an agent runs after every edit."""
    cached = _CACHE.get(skill.digest)
    if cached is not None:
        return cached
    key = _disk_key(skill.digest)
    built = _disk_read(key) if key else None
    if built is None:
        built = _build(skill)
        if key:
            _disk_write(key, built)
    _CACHE[skill.digest] = built
    return built


def _build(skill: Skill) -> RuleSet:
    rules: list[Rule] = []
    problems: list[Diagnostic] = []
    for entry in skill.by_kind("validation"):
        found = rule_problems(entry, compile_queries=False)
        if found:
            problems.extend(found)
            continue
        rule = rule_from_entry(entry)
        for language in LANGUAGE_SECTION:
            rule.patterns_with_needs(language)  # computed once here, stored in the disk cache
        rules.append(rule)
    return RuleSet(tuple(rules), tuple(problems))


def _disk_key(digest: str) -> str | None:
    import hashlib
    from pathlib import Path

    from ..paths import caching_enabled

    if not caching_enabled():
        return None
    h = hashlib.sha256(digest.encode())
    here = Path(__file__).resolve().parent
    try:
        for name in _ENGINE_FILES:
            h.update((here / name).read_bytes())
    except OSError:
        return None  # an unusual install: no disk cache, same results
    return h.hexdigest()[:32]


def _disk_read(key: str) -> RuleSet | None:
    from ..paths import cache_read

    found = cache_read(f"rules-{key}.pickle")
    return found if isinstance(found, RuleSet) else None


def _disk_write(key: str, ruleset: RuleSet) -> None:
    from ..paths import cache_write

    cache_write(f"rules-{key}.pickle", ruleset)
