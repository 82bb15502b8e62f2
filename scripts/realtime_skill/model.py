"""Typed, frozen records for a loaded skill. Built by `parse`, read by everything else."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .diagnostics import Diagnostic

Kind = Literal["sharp_edge", "pattern", "validation"]
KINDS: tuple[Kind, ...] = ("sharp_edge", "pattern", "validation")
KIND_FILES: dict[Kind, str] = {
    "sharp_edge": "references/sharp_edges.md",
    "pattern": "references/patterns.md",
    "validation": "references/validations.md",
}


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str

    def to_dict(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url}


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced block. `line` is the 1-based file line of the opening fence, so code
    line k (1-based) sits on file line `line + k`."""

    info: str
    language: str | None  # canonical (javascript, typescript, tsx, python, nginx...) or None
    role: str  # "code", "bad", "good", "meta", "rule"
    code: str
    line: int
    section: str | None
    filename: str | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """A labelled bad/good example of a validation."""

    expect: Literal["bad", "good"]
    label: str
    block: CodeBlock
    expected_lines: tuple[int, ...]  # 1-based lines within the code that must be flagged


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    line: int
    markdown: str
    code_blocks: tuple[CodeBlock, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    kind: Kind
    title: str
    path: str  # relative to the skill root, e.g. references/patterns.md
    line: int
    end_line: int
    meta: dict[str, Any]
    meta_line: int
    sections: tuple[Section, ...]
    markdown: str
    rule: dict[str, Any] | None = None
    rule_line: int = 0
    message: str | None = None
    examples: tuple[Example, ...] = ()

    @property
    def severity(self) -> str | None:
        value = self.meta.get("severity")
        return value if isinstance(value, str) else None

    @property
    def tags(self) -> tuple[str, ...]:
        return _strings(self.meta.get("tags"))

    @property
    def aliases(self) -> tuple[str, ...]:
        return _strings(self.meta.get("aliases"))

    @property
    def related(self) -> tuple[str, ...]:
        return _strings(self.meta.get("related"))

    @property
    def sources(self) -> tuple[Source, ...]:
        raw = self.meta.get("sources")
        if not isinstance(raw, list):
            return ()
        return tuple(
            Source(str(s.get("title", "")), str(s.get("url", "")))
            for s in raw
            if isinstance(s, dict)
        )

    @property
    def anchor(self) -> str:
        """The GitHub anchor of the entry's heading, for links into references/*.md."""
        return github_anchor(f"{self.id}: {self.title}")

    def section(self, name: str) -> Section | None:
        for section in self.sections:
            if section.name == name:
                return section
        return None

    def code_blocks(self) -> tuple[CodeBlock, ...]:
        return tuple(block for section in self.sections for block in section.code_blocks)


def github_anchor(heading: str) -> str:
    """The id GitHub gives a Markdown heading: lower case, punctuation dropped, spaces
    to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, (str, int, float)))


@dataclass(frozen=True, slots=True)
class ReferenceFile:
    path: str  # relative to the skill root
    title: str
    intro: str
    text: str
    line_count: int


@dataclass(frozen=True)
class Skill:
    """A loaded skill: SKILL.md, its reference files and their entries."""

    root: Path
    frontmatter: dict[str, Any]
    body: str
    body_line: int  # file line where the body starts
    skill_md: str  # SKILL.md text as read (BOM removed, newlines normalised)
    files: tuple[ReferenceFile, ...]
    entries: tuple[Entry, ...]
    vocabulary: dict[str, tuple[str, ...]]
    diagnostics: tuple[Diagnostic, ...]
    digest: str
    _by_id: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index = self._by_id
        for entry in self.entries:
            index.setdefault(entry.id, entry)

    @property
    def name(self) -> str:
        value = self.frontmatter.get("name")
        return value if isinstance(value, str) else self.root.name

    @property
    def description(self) -> str:
        value = self.frontmatter.get("description")
        return value if isinstance(value, str) else ""

    @property
    def version(self) -> str:
        meta = self.frontmatter.get("metadata")
        if isinstance(meta, dict) and isinstance(meta.get("version"), str):
            return str(meta["version"])
        return ""

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def by_kind(self, kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)

    def ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.entries)

    def related_entries(self, entry: Entry) -> tuple[Entry, ...]:
        found = (self._by_id.get(i) for i in entry.related)
        return tuple(e for e in found if e is not None)
