"""`load_skill`: find, read, parse and validate a skill folder, with an on-disk cache.

The cache is keyed by a hash of every input file and of the package version, so a
cold `realtime-skill ask` unpickles the parsed skill instead of importing
markdown-it and jsonschema and parsing ~10,000 lines of Markdown.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import __version__
from .diagnostics import Diagnostic
from .model import KIND_FILES, KINDS, Entry, ReferenceFile, Skill
from .paths import INPUTS, SkillNotFound, cache_dir, cache_read, cache_write, embedded_skill_dir

__all__ = ["SkillNotFound", "cache_dir", "embedded_skill_dir", "load_skill"]

VOCABULARY_FILE = INPUTS[-1]
CACHE_FORMAT = 1


def find_skill_md(root: Path) -> Path | None:
    exact = root / "SKILL.md"
    if exact.is_file():
        return exact
    lower = root / "skill.md"
    return lower if lower.is_file() else None


def _inputs(root: Path) -> list[Path]:
    """Every file the loader reads, in a stable order (the cache key covers them)."""
    files = [p for p in (find_skill_md(root),) if p is not None]
    return files + [root / rel for rel in INPUTS[1:]]


def _digest(root: Path, files: list[Path]) -> str:
    from .schema import SCHEMA_FILES, schema_text

    h = hashlib.sha256(f"{CACHE_FORMAT}:{__version__}:{root}".encode())
    for path in files:
        h.update(path.name.encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"\x00missing")
    for name in SCHEMA_FILES:
        try:
            h.update(schema_text(name).encode())
        except OSError:
            pass
    return h.hexdigest()


def _cache_read(digest: str) -> Skill | None:
    skill = cache_read(f"skill-{digest[:32]}.pickle")
    return skill if isinstance(skill, Skill) and skill.digest == digest else None


def _cache_write(skill: Skill) -> None:
    cache_write(f"skill-{skill.digest[:32]}.pickle", skill)


def load_skill(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Skill:
    """Load a skill folder (default: the embedded realtime-engineer skill).

    Problems in the files are collected in `Skill.diagnostics`; only a path that is
    not a skill folder raises SkillNotFound.
    """
    root = Path(path).resolve() if path is not None else embedded_skill_dir()
    if root.is_file() and root.name.lower() == "skill.md":
        root = root.parent
    if not root.is_dir():
        raise SkillNotFound(f"{path}: not a directory")
    files = _inputs(root)
    digest = _digest(root, files)
    if use_cache:
        cached = _cache_read(digest)
        if cached is not None:
            return cached
    skill = _build(root, digest)
    if use_cache:
        _cache_write(skill)
    return skill


def _read(root: Path, rel: str, diags: list[Diagnostic], required: bool = True) -> str | None:
    from .parse import decode

    path = root / rel
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if required:
            diags.append(Diagnostic(rel, 1, "file-missing", f"{rel} does not exist"))
        return None
    except OSError as exc:
        diags.append(Diagnostic(rel, 1, "file-unreadable", f"cannot read {rel}: {exc.strerror}"))
        return None
    decoded = decode(rel, data)
    diags.extend(decoded.diagnostics)
    return decoded.text


def _build(root: Path, digest: str) -> Skill:
    from .parse import parse_frontmatter, parse_reference

    diags: list[Diagnostic] = []
    skill_md_path = find_skill_md(root)
    frontmatter: dict[str, object] = {}
    body, body_line, skill_text = "", 1, ""
    if skill_md_path is None:
        diags.append(Diagnostic("SKILL.md", 1, "skill-md-missing", f"{root.name}/ has no SKILL.md"))
    else:
        rel = skill_md_path.name
        if rel != "SKILL.md":
            diags.append(Diagnostic(rel, 1, "skill-md-name", "the file must be named exactly SKILL.md",
                                    severity="warning"))
        text = _read(root, rel, diags)
        if text is not None:
            skill_text = text
            fm = parse_frontmatter(rel, text)
            diags.extend(fm.diagnostics)
            frontmatter, body, body_line = fm.data, fm.body, fm.body_line

    refs: list[ReferenceFile] = []
    entries: list[Entry] = []
    for kind in KINDS:
        rel = KIND_FILES[kind]
        text = _read(root, rel, diags)
        if text is None:
            continue
        ref, found, problems = parse_reference(rel, text, kind)
        refs.append(ref)
        entries.extend(found)
        diags.extend(problems)
    for entry in entries:
        diags.extend(check_entry_structure(entry))

    vocabulary = _vocabulary(root, diags)
    return Skill(root, dict(frontmatter), body, body_line, skill_text, tuple(refs),
                 tuple(entries), vocabulary, tuple(diags), digest)


def check_entry_structure(entry: Entry) -> list[Diagnostic]:
    """Sections present, in order, once, not empty; metadata valid against the schema."""
    from .schema import sections_for, validate_entry

    out = validate_entry(entry)
    wanted = sections_for(entry.kind)
    names = [s.name for s in entry.sections]
    for section in entry.sections:
        if section.name not in wanted:
            out.append(Diagnostic(entry.path, section.line, "section-unknown",
                                  f"{entry.id}: unknown section {section.name!r}; a {entry.kind} has "
                                  f"{', '.join(wanted)}"))
        elif names.count(section.name) > 1:
            out.append(Diagnostic(entry.path, section.line, "section-duplicate",
                                  f"{entry.id}: section {section.name!r} appears more than once"))
        elif not section.markdown.strip():
            out.append(Diagnostic(entry.path, section.line, "section-empty",
                                  f"{entry.id}: section {section.name!r} is empty"))
    for name in wanted:
        if name not in names:
            out.append(Diagnostic(entry.path, entry.line, "section-missing",
                                  f"{entry.id}: missing section '### {name}'"))
    present = [n for n in names if n in wanted]
    if present != [n for n in wanted if n in present]:
        out.append(Diagnostic(entry.path, entry.line, "section-order",
                              f"{entry.id}: sections must be in the order {', '.join(wanted)}"))
    return out


def _vocabulary(root: Path, diags: list[Diagnostic]) -> dict[str, tuple[str, ...]]:
    from .yamlutil import load_yaml

    text = _read(root, VOCABULARY_FILE, diags, required=False)
    if not text:
        return {}
    data, problems = load_yaml(text)
    for p in problems:
        diags.append(Diagnostic(VOCABULARY_FILE, p.line, "yaml-duplicate-key" if p.duplicate else "yaml-invalid",
                                p.message, column=p.column))
    synonyms = data.get("synonyms") if isinstance(data, dict) else None
    if not isinstance(synonyms, dict):
        if data is not None:
            diags.append(Diagnostic(VOCABULARY_FILE, 1, "vocabulary",
                                    "vocabulary.yaml must hold a 'synonyms' mapping of term to list of words"))
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for term, words in synonyms.items():
        if isinstance(words, list) and all(isinstance(w, (str, int, float)) for w in words):
            out[str(term)] = tuple(str(w) for w in words)  # `1006` is a word too, not an int
        else:
            diags.append(Diagnostic(VOCABULARY_FILE, 1, "vocabulary",
                                    f"synonyms.{term} must be a list of strings"))
    return out
