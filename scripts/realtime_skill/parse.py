"""Turn SKILL.md and references/*.md text into records and diagnostics.

Parsing never raises on bad input: every problem becomes a Diagnostic and parsing
goes on with what it could read, so one report shows every problem at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .codeparse import DEFAULT_SUFFIX, fence_language
from .diagnostics import Diagnostic
from .model import CodeBlock, Entry, Example, Kind, ReferenceFile, Section
from .yamlutil import load_yaml

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEADING_RE = re.compile(r"^(?P<id>[^\s:]+):\s+(?P<title>\S.*)$")
RULEID_RE = re.compile(r"ruleid:\s*(?P<id>[a-z0-9-]+)")
MAX_FILE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str | None
    diagnostics: tuple[Diagnostic, ...]


def decode(path: str, data: bytes) -> Decoded:
    """UTF-8 text with BOM and CRLF tolerated (and reported), or None with a diagnostic."""
    diags: list[Diagnostic] = []
    if len(data) > MAX_FILE_BYTES:
        return Decoded(None, (Diagnostic(path, 1, "file-too-large",
                                         f"file is {len(data)} bytes; the limit is {MAX_FILE_BYTES}"),))
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return Decoded(None, (Diagnostic(path, line, "not-utf8", "file contains a NUL byte (binary?)"),))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return Decoded(None, (Diagnostic(path, line, "not-utf8",
                                         f"invalid UTF-8 byte 0x{data[exc.start]:02x}",
                                         column=col, hint="save the file as UTF-8"),))
    if text.startswith("\ufeff"):
        text = text[1:]
        diags.append(Diagnostic(path, 1, "bom", "file starts with a UTF-8 byte-order mark",
                                severity="warning", hint="save without BOM"))
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        diags.append(Diagnostic(path, line, "crlf", "file uses CRLF line endings",
                                severity="warning", hint="use LF line endings"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        diags.append(Diagnostic(path, 1, "empty-file", "file is empty"))
    return Decoded(text, tuple(diags))


# --- SKILL.md -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Frontmatter:
    data: dict[str, Any]
    body: str
    body_line: int
    raw: str
    diagnostics: tuple[Diagnostic, ...]


def parse_frontmatter(path: str, text: str) -> Frontmatter:
    """Split on delimiter *lines* (a `---` inside a value must not end the block)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return Frontmatter({}, text, 1, "", (Diagnostic(
            path, 1, "frontmatter-missing", "SKILL.md must start with YAML frontmatter (a '---' line)"),))
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        return Frontmatter({}, "", len(lines), "", (Diagnostic(
            path, 1, "frontmatter-unclosed", "frontmatter is not closed with a '---' line"),))
    raw = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1:])
    diags: list[Diagnostic] = []
    data, problems = load_yaml(raw)
    for p in problems:
        rule = "yaml-duplicate-key" if p.duplicate else "yaml-invalid"
        hint = None
        if not p.duplicate and "mapping values are not allowed" in p.message:
            hint = "a value containing ': ' must be quoted, e.g. description: \"Use when: ...\""
        diags.append(Diagnostic(path, p.line + 1, rule, f"frontmatter: {p.message}",
                                column=p.column, hint=hint))
    if data is None and not problems:
        data = {}
    if not isinstance(data, dict):
        if data is not None:
            diags.append(Diagnostic(path, 2, "frontmatter-not-mapping",
                                    "frontmatter must be a YAML mapping of keys to values"))
        data = {}
    return Frontmatter(data, body, end + 2, raw, tuple(diags))


# --- reference files --------------------------------------------------------------


def markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


@dataclass
class _Builder:
    path: str
    kind: Kind
    lines: list[str]
    diags: list[Diagnostic]


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _block_role(info: str) -> tuple[str, str | None]:
    words = info.split()
    if len(words) >= 2 and words[1] in ("bad", "good", "meta", "rule"):
        return words[1], (words[2] if len(words) >= 3 else None)
    return "code", None


def parse_reference(path: str, text: str, kind: Kind) -> tuple[ReferenceFile, list[Entry], list[Diagnostic]]:
    """Parse one reference file into entries; structural problems become diagnostics."""
    diags: list[Diagnostic] = []
    lines = text.split("\n")
    tokens = markdown().parse(text)
    headings: list[tuple[int, Token, str]] = []  # (index, heading_open, inline text)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and i + 1 < len(tokens):
            headings.append((i, tok, tokens[i + 1].content.strip()))

    title = ""
    h2 = [(i, tok, txt) for i, tok, txt in headings if tok.tag == "h2"]
    h1 = [h for h in headings if h[1].tag == "h1"]
    if h1:
        title = h1[0][2]
    else:
        diags.append(Diagnostic(path, 1, "file-title", "reference file has no '# Title' line"))
    first_entry_line = _line(h2[0][1]) if h2 else len(lines) + 1
    intro = "\n".join(lines[: first_entry_line - 1])
    ref = ReferenceFile(path, title, intro, text, len(lines))

    entries: list[Entry] = []
    for n, (start, tok, heading) in enumerate(h2):
        stop = h2[n + 1][0] if n + 1 < len(h2) else len(tokens)
        end_line = (_line(h2[n + 1][1]) - 1) if n + 1 < len(h2) else len(lines)
        entry = _parse_entry(_Builder(path, kind, lines, diags), tokens[start:stop], heading,
                             _line(tok), end_line)
        if entry is not None:
            entries.append(entry)
    if not h2 and text.strip():
        diags.append(Diagnostic(path, 1, "no-entries", "reference file has no '## id: title' entries"))
    return ref, entries, diags


def _parse_entry(b: _Builder, tokens: list[Token], heading: str, line: int, end_line: int) -> Entry | None:
    m = HEADING_RE.match(heading)
    if m is None or not ID_RE.match(m.group("id")):
        b.diags.append(Diagnostic(
            b.path, line, "entry-heading",
            f"entry heading {heading[:60]!r} is not '<kebab-case-id>: <title>'",
            hint="e.g. '## proxy-idle-timeout: Proxies close idle connections'"))
        return None
    entry_id, title = m.group("id"), m.group("title").strip()

    meta: dict[str, Any] = {}
    meta_line = line
    sections: list[Section] = []
    current: tuple[str, int, list[CodeBlock]] | None = None
    section_bounds: list[tuple[str, int, list[CodeBlock]]] = []
    seen_meta = False
    rule: dict[str, Any] | None = None
    rule_line = 0

    for i, tok in enumerate(tokens[3:], start=3):  # skip the h2 heading's three tokens
        if tok.type == "heading_open" and tok.tag == "h3":
            current = (tokens[i + 1].content.strip(), _line(tok), [])
            section_bounds.append(current)
            continue
        if tok.type != "fence":
            if current is None and tok.type not in ("heading_close", "inline") and tok.block and not seen_meta:
                b.diags.append(Diagnostic(b.path, _line(tok), "meta-missing",
                                          f"{entry_id}: the first block after the heading must be a ```yaml meta block"))
                seen_meta = True
            continue
        info = tok.info.strip()
        role, filename = _block_role(info)
        fence_line = _line(tok)
        if role == "meta":
            if seen_meta or current is not None:
                b.diags.append(Diagnostic(b.path, fence_line, "meta-misplaced",
                                          f"{entry_id}: a yaml meta block must come right after the heading, once"))
                continue
            seen_meta = True
            meta_line = fence_line
            meta = _mapping_block(b, entry_id, "meta", tok.content, fence_line, "meta-not-mapping") or {}
            continue
        if not seen_meta:
            b.diags.append(Diagnostic(b.path, fence_line, "meta-missing",
                                      f"{entry_id}: the first block after the heading must be a ```yaml meta block"))
            seen_meta = True
        lang = fence_language(info)
        if filename is None and role in ("bad", "good") and lang in DEFAULT_SUFFIX:
            filename = "example" + DEFAULT_SUFFIX[lang]
            if info.split()[0].lower() == "jsx":
                filename = "example.jsx"
        block = CodeBlock(info, lang, role, tok.content, fence_line,
                          current[0] if current else None, filename)
        if role == "rule":
            if rule is not None:
                b.diags.append(Diagnostic(b.path, fence_line, "rule-block", f"{entry_id}: more than one yaml rule block"))
            rule = _mapping_block(b, entry_id, "rule", tok.content, fence_line, "rule-block")
            rule_line = fence_line if rule is not None else rule_line
        if current is None:
            b.diags.append(Diagnostic(b.path, fence_line, "section-unknown",
                                      f"{entry_id}: code block outside any '### Section'"))
            continue
        current[2].append(block)

    if not seen_meta:
        b.diags.append(Diagnostic(b.path, line, "meta-missing",
                                  f"{entry_id}: no ```yaml meta block after the heading"))

    for k, (name, sline, blocks) in enumerate(section_bounds):
        send = section_bounds[k + 1][1] - 1 if k + 1 < len(section_bounds) else end_line
        body = "\n".join(b.lines[sline:send]).strip("\n")
        sections.append(Section(name, sline, body, tuple(blocks)))

    markdown_text = "\n".join(b.lines[line - 1:end_line]).rstrip() + "\n"
    message = None
    examples: tuple[Example, ...] = ()
    if b.kind == "validation":
        msg_section = next((s for s in sections if s.name == "Message"), None)
        if msg_section is not None:
            message = " ".join(msg_section.markdown.split())
        ex_section = next((s for s in sections if s.name == "Examples"), None)
        if ex_section is not None:
            examples = _examples(entry_id, ex_section, tokens)
    return Entry(entry_id, b.kind, title, b.path, line, end_line, meta, meta_line,
                 tuple(sections), markdown_text, rule, rule_line, message, examples)


def _mapping_block(b: _Builder, entry_id: str, what: str, text: str, fence_line: int,
                   not_mapping_rule: str) -> dict[str, Any] | None:
    """A fenced YAML block that must be a mapping; problems become diagnostics."""
    data, problems = load_yaml(text)
    for p in problems:
        b.diags.append(Diagnostic(b.path, fence_line + p.line,
                                  "yaml-duplicate-key" if p.duplicate else "yaml-invalid",
                                  f"{entry_id}: {what}: {p.message}"))
    if isinstance(data, dict):
        return data
    if not problems:
        b.diags.append(Diagnostic(b.path, fence_line + 1, not_mapping_rule,
                                  f"{entry_id}: {what} block must be a YAML mapping"))
    return None


def _examples(entry_id: str, section: Section, tokens: list[Token]) -> tuple[Example, ...]:
    labels = _labels_before_fences(tokens)
    out: list[Example] = []
    for block in section.code_blocks:
        if block.role not in ("bad", "good"):
            continue
        expected = _expected_lines(block.code, entry_id) if block.role == "bad" else ()
        label = labels.get(block.line, "")
        out.append(Example("bad" if block.role == "bad" else "good", label, block, expected))
    return tuple(out)


def _labels_before_fences(tokens: list[Token]) -> dict[int, str]:
    """The paragraph or h4 text that precedes each fence, keyed by the fence line."""
    labels: dict[int, str] = {}
    last = ""
    for i, tok in enumerate(tokens):
        if tok.type == "inline" and i > 0 and tokens[i - 1].type in ("paragraph_open", "heading_open"):
            last = tok.content.strip()
        elif tok.type == "fence":
            labels[_line(tok)] = last
            last = ""
    return labels


def _expected_lines(code: str, entry_id: str) -> tuple[int, ...]:
    lines = code.split("\n")
    out: list[int] = []
    for i, text in enumerate(lines):
        m = RULEID_RE.search(text)
        if m is None or m.group("id") != entry_id:
            continue
        for j in range(i + 1, len(lines)):
            if lines[j].strip():
                out.append(j + 1)
                break
    return tuple(out)
