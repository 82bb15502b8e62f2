"""`lint_skill`: every problem of a skill folder as a list of Diagnostics.

Covers the Agent Skills specification checklist (frontmatter, name, description,
optional fields, body size, links, orphans), the reference format (parsed by
`loader`), cross-references, code blocks that must parse, coverage of a required id
list, and, through `check.selftest`, the validation rules run against their examples.
"""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .codeparse import syntax_problem
from .diagnostics import Diagnostic, Severity
from .model import KIND_FILES, Entry, Skill

MAX_NAME_LENGTH = 64
MAX_DESCRIPTION_LENGTH = 1024
MAX_COMPATIBILITY_LENGTH = 500
MAX_BODY_LINES = 500
MAX_BODY_TOKENS = 5000
TOC_THRESHOLD_LINES = 300
MAX_MESSAGE_LENGTH = 200
CHARS_PER_TOKEN = 4
SPEC_FIELDS = ("name", "description", "license", "compatibility", "metadata", "allowed-tools")
# Platform keys that clients other than the spec read (Claude Code, Cursor): reported as
# warnings, not errors, because real skills ship them (agent-skills-tooling.md §1.22).
PLATFORM_FIELDS = ("when_to_use", "argument-hint", "disable-model-invocation", "user-invocable",
                   "model", "effort", "context", "agent", "hooks", "paths", "shell")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EMBEDDED_NAME = "realtime-engineer"


@dataclass(frozen=True, slots=True)
class LintRule:
    id: str
    severity: str
    summary: str


def _r(rule_id: str, severity: str, summary: str) -> tuple[str, LintRule]:
    return rule_id, LintRule(rule_id, severity, summary)


LINT_RULES: dict[str, LintRule] = dict([
    _r("skill-md-missing", "error", "The skill folder has no SKILL.md."),
    _r("skill-md-name", "warning", "SKILL.md must be named exactly SKILL.md."),
    _r("file-missing", "error", "A required reference file does not exist."),
    _r("file-unreadable", "error", "A file cannot be read."),
    _r("file-too-large", "error", "A skill file is larger than the loader reads."),
    _r("not-utf8", "error", "A file is not valid UTF-8 text."),
    _r("empty-file", "error", "A file is empty."),
    _r("bom", "warning", "A file starts with a UTF-8 byte-order mark."),
    _r("crlf", "warning", "A file uses CRLF line endings."),
    _r("frontmatter-missing", "error", "SKILL.md does not start with YAML frontmatter."),
    _r("frontmatter-unclosed", "error", "The frontmatter has no closing '---' line."),
    _r("frontmatter-not-mapping", "error", "The frontmatter is not a YAML mapping."),
    _r("yaml-invalid", "error", "A YAML block does not parse."),
    _r("yaml-duplicate-key", "error", "A YAML mapping repeats a key."),
    _r("frontmatter-unknown-key", "error", "A top-level frontmatter key is not in the Agent Skills spec."),
    _r("name-required", "error", "The name field is missing or not a non-empty string."),
    _r("name-length", "error", "The name is longer than 64 characters."),
    _r("name-case", "error", "The name has uppercase letters."),
    _r("name-chars", "error", "The name has characters other than a-z, 0-9 and hyphens."),
    _r("name-hyphens", "error", "The name starts or ends with a hyphen or contains '--'."),
    _r("name-dir-mismatch", "error", "The name differs from the skill folder's name."),
    _r("description-required", "error", "The description is missing or empty."),
    _r("description-length", "error", "The description is longer than 1024 characters."),
    _r("description-when", "warning", "The description does not say when to use the skill."),
    _r("description-angle-brackets", "warning", "The description contains '<' or '>'."),
    _r("license-type", "error", "license must be a string."),
    _r("compatibility-type", "error", "compatibility must be a string of 1-500 characters."),
    _r("metadata-type", "error", "metadata must be a mapping of string keys to string values."),
    _r("allowed-tools-type", "error", "allowed-tools must be a space-separated string."),
    _r("body-empty", "warning", "The SKILL.md body is empty."),
    _r("body-length", "warning", "The SKILL.md body is longer than 500 lines."),
    _r("body-tokens", "warning", "The SKILL.md body is over about 5,000 tokens."),
    _r("link-absolute", "error", "A link uses an absolute path."),
    _r("link-escapes", "error", "A link points outside the skill folder."),
    _r("link-broken", "error", "A relative link points to a file that does not exist."),
    _r("reference-orphan", "warning", "A file in references/ is never mentioned in SKILL.md."),
    _r("index-missing", "warning", "An entry id is not in SKILL.md's index, so agents cannot route to it."),
    _r("reference-toc", "warning", "A long reference file lacks a complete table of contents."),
    _r("file-title", "error", "A reference file has no '# Title'."),
    _r("no-entries", "error", "A reference file has no entries."),
    _r("entry-heading", "error", "An entry heading is not '## <id>: <title>'."),
    _r("meta-missing", "error", "An entry lacks its yaml meta block."),
    _r("meta-misplaced", "error", "A yaml meta block is not right after the heading."),
    _r("meta-not-mapping", "error", "A meta block is not a mapping."),
    _r("schema", "error", "Entry metadata does not match the schema."),
    _r("section-missing", "error", "An entry lacks a required section."),
    _r("section-unknown", "error", "An entry has a section its kind does not define."),
    _r("section-duplicate", "error", "An entry repeats a section."),
    _r("section-empty", "error", "A section is empty."),
    _r("section-order", "error", "An entry's sections are out of order."),
    _r("id-duplicate", "error", "Two entries share an id."),
    _r("related-unresolved", "error", "A related id does not name an entry."),
    _r("coverage-missing", "error", "An id required by the coverage file is missing."),
    _r("coverage-kind", "error", "A required id exists but in the wrong file."),
    _r("code-syntax", "error", "A code block does not parse."),
    _r("code-missing", "error", "A section that must show code has none."),
    _r("rule-block", "error", "A validation has no single yaml rule block."),
    _r("message-length", "error", "A validation message is not one short paragraph."),
    _r("vocabulary", "error", "references/vocabulary.yaml is malformed."),
    _r("rule-invalid", "error", "A validation rule does not match the rule schema or does not compile."),
    _r("rule-self-test", "error", "A validation rule misses a bad example or flags a good one."),
    _r("rule-redos", "error", "A rule regex can backtrack catastrophically."),
    _r("rule-examples", "error", "A validation has fewer than two bad or two good examples."),
    _r("code-trips-validation", "error", "Recommended code in an entry trips a validation rule."),
    _r("check-unavailable", "warning", "The check engine could not run the rule self-tests."),
    _r("search-index-stale", "error", "references/search-index.json does not match the references."),
])


def lint_skill(path: str | os.PathLike[str] | None = None, *, coverage: dict[str, Any] | None = None,
               run_rules: bool = True) -> list[Diagnostic]:
    """Lint one skill folder (default: the embedded skill). Never raises for bad files;
    SkillNotFound only when the path is not a folder."""
    from .loader import load_skill

    skill = load_skill(path)
    expected_name = EMBEDDED_NAME if path is None else _nfkc(skill.root.name)
    diags = list(skill.diagnostics)
    diags += check_frontmatter(skill, expected_name)
    diags += check_body(skill)
    diags += check_references(skill)
    diags += check_entries(skill)
    diags += check_search_index(skill)
    if coverage is not None:
        diags += check_coverage(skill, coverage)
    if run_rules:
        diags += _rule_checks(skill)
    prefix = _display_prefix(skill.root) if path is not None else ""
    out = [replace(d, path=posixpath.join(prefix, d.path) if prefix else d.path) for d in diags]
    return sorted(set(out), key=Diagnostic.sort_key)


def _display_prefix(root: Path) -> str:
    try:
        rel = os.path.relpath(root)
    except ValueError:
        return str(root)
    if rel == ".":
        return ""
    return rel if not rel.startswith("..") else str(root)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _fm_line(skill: Skill, key: str) -> int:
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for i, line in enumerate(skill.skill_md.split("\n")[1:], start=2):
        if line.rstrip() == "---":
            break
        if pattern.match(line):
            return i
    return 1


def check_frontmatter(skill: Skill, expected_name: str) -> Iterator[Diagnostic]:
    if not skill.skill_md:
        return
    fm = skill.frontmatter
    if not fm and any(d.rule.startswith(("frontmatter", "yaml")) for d in skill.diagnostics):
        return  # the parse problem already says it; field checks would only repeat it
    path = "SKILL.md"
    for key in fm:
        if key in SPEC_FIELDS:
            continue
        sev: Severity = "warning" if key in PLATFORM_FIELDS else "error"
        hint = (f"move it under metadata as a string, e.g. metadata.{key}"
                if key not in PLATFORM_FIELDS else "a client-specific key; strict validators reject it")
        yield Diagnostic(path, _fm_line(skill, str(key)), "frontmatter-unknown-key",
                         f"unexpected frontmatter key {key!r}; the spec allows {', '.join(SPEC_FIELDS)}",
                         severity=sev, hint=hint)
    yield from _check_name(skill, fm.get("name"), expected_name)
    yield from _check_description(skill, fm.get("description"))
    if "license" in fm and not isinstance(fm["license"], str):
        yield Diagnostic(path, _fm_line(skill, "license"), "license-type", "license must be a string")
    if "compatibility" in fm:
        value = fm["compatibility"]
        if not isinstance(value, str) or not 1 <= len(value) <= MAX_COMPATIBILITY_LENGTH:
            yield Diagnostic(path, _fm_line(skill, "compatibility"), "compatibility-type",
                             f"compatibility must be a string of 1-{MAX_COMPATIBILITY_LENGTH} characters")
    if "metadata" in fm:
        yield from _check_metadata(skill, fm["metadata"])
    if "allowed-tools" in fm and not isinstance(fm["allowed-tools"], str):
        is_list = isinstance(fm["allowed-tools"], list)
        yield Diagnostic(path, _fm_line(skill, "allowed-tools"), "allowed-tools-type",
                         "allowed-tools must be a space-separated string, e.g. 'Bash(git:*) Read'",
                         severity="warning" if is_list else "error")


def _check_name(skill: Skill, name: Any, expected: str) -> Iterator[Diagnostic]:
    line = _fm_line(skill, "name")
    if not isinstance(name, str) or not name.strip():
        yield Diagnostic("SKILL.md", line, "name-required", "frontmatter field 'name' must be a non-empty string")
        return
    if len(name) > MAX_NAME_LENGTH:
        yield Diagnostic("SKILL.md", line, "name-length",
                         f"name is {len(name)} characters; the limit is {MAX_NAME_LENGTH}")
    if name != name.lower():
        yield Diagnostic("SKILL.md", line, "name-case", f"name {name!r} must be lowercase",
                         hint=f"use {name.lower()!r}")
    elif not re.fullmatch(r"[a-z0-9-]+", name):
        yield Diagnostic("SKILL.md", line, "name-chars",
                         f"name {name!r} may contain only a-z, 0-9 and hyphens")
    if name.startswith("-") or name.endswith("-") or "--" in name:
        yield Diagnostic("SKILL.md", line, "name-hyphens",
                         f"name {name!r} must not start or end with '-' or contain '--'")
    if _nfkc(name) != expected:
        yield Diagnostic("SKILL.md", line, "name-dir-mismatch",
                         f"name {name!r} must equal the skill folder's name {expected!r}")


def _check_description(skill: Skill, value: Any) -> Iterator[Diagnostic]:
    line = _fm_line(skill, "description")
    if not isinstance(value, str) or not value.strip():
        yield Diagnostic("SKILL.md", line, "description-required",
                         "frontmatter field 'description' must be a non-empty string")
        return
    if len(value) > MAX_DESCRIPTION_LENGTH:
        yield Diagnostic("SKILL.md", line, "description-length",
                         f"description is {len(value)} characters; the limit is {MAX_DESCRIPTION_LENGTH}")
    if not re.search(r"\b(use|used|invoke|trigger)\w*\b[^.]*\bwhen\b|\bwhen\b", value, re.IGNORECASE):
        yield Diagnostic("SKILL.md", line, "description-when",
                         "description should say when to use the skill ('Use when ...')", severity="warning")
    if "<" in value or ">" in value:
        yield Diagnostic("SKILL.md", line, "description-angle-brackets",
                         "description contains '<' or '>', which breaks <available_skills> catalogs",
                         severity="warning")


def _check_metadata(skill: Skill, meta: Any) -> Iterator[Diagnostic]:
    if not isinstance(meta, dict):
        yield Diagnostic("SKILL.md", _fm_line(skill, "metadata"), "metadata-type",
                         "metadata must be a mapping of string keys to string values")
        return
    for key, value in meta.items():
        if not isinstance(key, str) or not isinstance(value, str):
            yield Diagnostic("SKILL.md", _fm_line(skill, "metadata"), "metadata-type",
                             f"metadata.{key} must be a string (got {type(value).__name__})",
                             hint=f'quote it: {key}: "{value}"' if isinstance(value, (int, float)) else None)


def check_body(skill: Skill) -> Iterator[Diagnostic]:
    if not skill.skill_md or not skill.frontmatter:
        return
    body = skill.body
    if not body.strip():
        yield Diagnostic("SKILL.md", skill.body_line, "body-empty", "SKILL.md has no body", severity="warning")
        return
    n_lines = body.rstrip("\n").count("\n") + 1
    if n_lines > MAX_BODY_LINES:
        yield Diagnostic("SKILL.md", skill.body_line + MAX_BODY_LINES, "body-length",
                         f"body is {n_lines} lines; keep SKILL.md under {MAX_BODY_LINES}", severity="warning")
    tokens = len(body) // CHARS_PER_TOKEN
    if tokens > MAX_BODY_TOKENS:
        yield Diagnostic("SKILL.md", skill.body_line, "body-tokens",
                         f"body is about {tokens} tokens; keep it under {MAX_BODY_TOKENS}", severity="warning")
    yield from _check_links(skill, "SKILL.md", body, skill.body_line)
    indexed = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)*)`", body))
    for entry in skill.entries:
        if entry.id not in indexed:
            yield Diagnostic(entry.path, entry.line, "index-missing",
                             f"{entry.id} is not listed in SKILL.md's index", severity="warning",
                             hint=f"add `{entry.id}` to the index by topic in SKILL.md")
    mentioned = body
    for ref in sorted(_reference_files(skill.root)):
        if ref not in mentioned:
            yield Diagnostic(ref, 1, "reference-orphan",
                             f"{ref} is never mentioned in SKILL.md, so agents will not know to read it",
                             severity="warning", hint="say in SKILL.md when to read it")


def check_search_index(skill: Skill) -> Iterator[Diagnostic]:
    """The JSON index that `standalone.py` answers from must be what `realtime-skill index`
    would write now, or an agent without the package gets answers from older entries."""
    from .search.index import build_index
    from .search.indexfile import FILENAME, IndexFileError, dumps, read

    if not (skill.root / FILENAME).exists():
        return  # optional: without it the folder is read by headings (tests/test_skill requires ours)
    fix = "run `realtime-skill index` to rewrite it"
    try:
        stored = read(skill.root)
    except IndexFileError as exc:
        yield Diagnostic(FILENAME, 1, "search-index-stale", str(exc).split(": ", 1)[-1], hint=fix)
        return
    if dumps(stored) != dumps(build_index(skill)):
        yield Diagnostic(FILENAME, 1, "search-index-stale",
                         f"{FILENAME} was built from other reference files than these", hint=fix)


def _reference_files(root: Path) -> list[str]:
    ref_dir = root / "references"
    if not ref_dir.is_dir():
        return []
    return [f"references/{p.name}" for p in ref_dir.iterdir() if p.is_file() and not p.name.startswith(".")]


LINK_RE = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def _check_links(skill: Skill, rel: str, text: str, first_line: int) -> Iterator[Diagnostic]:
    from .parse import markdown

    base = posixpath.dirname(rel)
    for tok in markdown().parse(text):
        if tok.type != "inline" or not tok.children:
            continue
        line0 = (tok.map[0] if tok.map else 0) + first_line
        for child in tok.children:
            if child.type not in ("link_open", "image"):
                continue
            href = str(child.attrs.get("href") or child.attrs.get("src") or "")
            line = line0 + _line_offset(tok.content, href)
            yield from _check_href(skill, rel, base, href, line)


def _line_offset(content: str, href: str) -> int:
    idx = content.find(href)
    return content[:idx].count("\n") if idx >= 0 else 0


def _check_href(skill: Skill, rel: str, base: str, href: str, line: int) -> Iterator[Diagnostic]:
    if not href or href.startswith("#") or (re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) and not href.startswith("file:")):
        return
    target = href.split("#", 1)[0].split("?", 1)[0]
    if not target:
        return
    if target.startswith(("/", "\\", "file:")) or re.match(r"^[A-Za-z]:[\\/]", target):
        yield Diagnostic(rel, line, "link-absolute", f"link {href!r} is absolute; use a path relative to the skill")
        return
    joined = posixpath.normpath(posixpath.join(base, target))
    if joined == ".." or joined.startswith("../"):
        yield Diagnostic(rel, line, "link-escapes", f"link {href!r} points outside the skill folder")
        return
    if not (skill.root / joined).exists():
        yield Diagnostic(rel, line, "link-broken", f"link {href!r} points to {joined}, which does not exist")


def check_references(skill: Skill) -> Iterator[Diagnostic]:
    by_file: dict[str, list[Entry]] = {}
    for entry in skill.entries:
        by_file.setdefault(entry.path, []).append(entry)
    for ref in skill.files:
        yield from _check_links(skill, ref.path, ref.text, 1)
        entries = by_file.get(ref.path, [])
        if ref.line_count <= TOC_THRESHOLD_LINES or not entries:
            continue
        missing = [e.id for e in entries if f"(#{e.anchor})" not in ref.intro]
        if missing:
            yield Diagnostic(ref.path, 1, "reference-toc",
                             f"{ref.path} has {ref.line_count} lines; its table of contents lacks "
                             f"{len(missing)} entries ({', '.join(missing[:5])}{', ...' if len(missing) > 5 else ''})",
                             severity="warning", hint="run `realtime-skill toc --write` to regenerate it")


def check_entries(skill: Skill) -> Iterator[Diagnostic]:
    seen: dict[str, Entry] = {}
    for entry in skill.entries:
        first = seen.setdefault(entry.id, entry)
        if first is not entry:
            yield Diagnostic(entry.path, entry.line, "id-duplicate",
                             f"id {entry.id!r} is already used at {first.path}:{first.line}")
        for rid in entry.related:
            if skill.get(rid) is None:
                yield Diagnostic(entry.path, _key_line(entry, "related"), "related-unresolved",
                                 f"{entry.id}: related id {rid!r} names no entry")
        yield from _check_code(entry)
        yield from _check_kind_content(entry)


def _key_line(entry: Entry, key: str) -> int:
    lines = entry.markdown.split("\n")
    for i in range(entry.meta_line - entry.line + 1, len(lines)):
        if lines[i].startswith("```"):
            break
        if lines[i].startswith(f"{key}:"):
            return entry.line + i
    return entry.meta_line


def _check_code(entry: Entry) -> Iterator[Diagnostic]:
    for block in entry.code_blocks():
        if block.language is None or block.role in ("meta", "rule"):
            continue  # meta and rule blocks are parsed (and reported) by the loader
        problem = syntax_problem(block.code, block.language)
        if problem is not None:
            yield Diagnostic(entry.path, block.line + problem.line, "code-syntax",
                             f"{entry.id}: ```{block.info} block does not parse: {problem.message}")


def _check_kind_content(entry: Entry) -> Iterator[Diagnostic]:
    if entry.kind == "sharp_edge":
        fix = entry.section("Fix")
        if fix is not None and not fix.code_blocks:
            yield Diagnostic(entry.path, fix.line, "code-missing", f"{entry.id}: the Fix section has no code block")
    elif entry.kind == "pattern":
        impl = entry.section("Implementation")
        if impl is not None and not any(
            b.language in ("javascript", "typescript", "tsx") for b in impl.code_blocks
        ):
            yield Diagnostic(entry.path, impl.line, "code-missing",
                             f"{entry.id}: Implementation has no JavaScript/TypeScript code block")
    elif entry.kind == "validation":
        rule_section = entry.section("Rule")
        if rule_section is not None and entry.rule is None and not any(
            b.role == "rule" for b in rule_section.code_blocks
        ):
            yield Diagnostic(entry.path, rule_section.line, "rule-block",
                             f"{entry.id}: the Rule section needs one ```yaml rule block")
        msg = entry.section("Message")
        if msg is not None and entry.message is not None:
            if "\n\n" in msg.markdown.strip() or len(entry.message) > MAX_MESSAGE_LENGTH:
                yield Diagnostic(entry.path, msg.line, "message-length",
                                 f"{entry.id}: the message must be one paragraph of at most "
                                 f"{MAX_MESSAGE_LENGTH} characters (it is {len(entry.message)})")


COVERAGE_SECTIONS = {"sharp_edges": "sharp_edge", "patterns": "pattern", "validations": "validation"}


def check_coverage(skill: Skill, coverage: dict[str, Any]) -> Iterator[Diagnostic]:
    for section, kind in COVERAGE_SECTIONS.items():
        ids = coverage.get(section) or {}
        rel = KIND_FILES[kind]  # type: ignore[index]
        for entry_id in ids:
            entry = skill.get(str(entry_id))
            if entry is None:
                yield Diagnostic(rel, 1, "coverage-missing", f"required {kind} {entry_id!r} is missing")
            elif entry.kind != kind:
                yield Diagnostic(entry.path, entry.line, "coverage-kind",
                                 f"{entry_id!r} must be a {kind} in {rel}, not a {entry.kind}")


def _rule_checks(skill: Skill) -> list[Diagnostic]:
    try:
        from .check.selftest import recommended_code_findings, selftest
    except ImportError as exc:
        return [Diagnostic("references/validations.md", 1, "check-unavailable",
                           f"rule self-tests skipped: {exc}", severity="warning")]
    return list(selftest(skill)) + list(recommended_code_findings(skill))
