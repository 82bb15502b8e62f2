"""Parse code snippets in the languages the knowledge base and `check` understand.

One place maps a language name or file name to a parser, so that lint (code blocks
must parse) and the check engine agree on what a language is.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tree_sitter import Language, Node, Parser, Tree

# Fence languages (first word of the info string) -> canonical language.
FENCE_LANGUAGES: dict[str, str] = {
    "js": "javascript",
    "javascript": "javascript",
    "mjs": "javascript",
    "cjs": "javascript",
    "jsx": "javascript",
    "ts": "typescript",
    "typescript": "typescript",
    "tsx": "tsx",
    "python": "python",
    "py": "python",
    "nginx": "nginx",
    "json": "json",
    "yaml": "yaml",
    "yml": "yaml",
}

# File suffix -> canonical language, for `check` and example file names.
SUFFIX_LANGUAGES: dict[str, str] = {
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "tsx",
    ".py": "python",
    ".pyi": "python",
    ".conf": "nginx",
    ".nginx": "nginx",
}

DEFAULT_SUFFIX: dict[str, str] = {
    "javascript": ".js",
    "typescript": ".ts",
    "tsx": ".tsx",
    "python": ".py",
    "nginx": ".conf",
    "json": ".json",
    "yaml": ".yaml",
}

TREE_SITTER_LANGUAGES = frozenset({"javascript", "typescript", "tsx", "python"})


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """Where a snippet stops parsing: 1-based line within the snippet."""

    line: int
    column: int
    message: str


def fence_language(info: str) -> str | None:
    """Canonical language of a fence info string, or None when it is not parsed."""
    words = info.split()
    if not words:
        return None
    return FENCE_LANGUAGES.get(words[0].lower())


def language_for_filename(name: str) -> str | None:
    """Canonical language of a file by its name (nginx.conf, *.conf, sites-available)."""
    base = os.path.basename(name).lower()
    _, suffix = os.path.splitext(base)
    if suffix in SUFFIX_LANGUAGES:
        return SUFFIX_LANGUAGES[suffix]
    if base == "nginx.conf" or "nginx" in name.lower().split(os.sep)[-2:-1]:
        return "nginx"
    return None


@cache
def ts_language(language: str) -> Language:
    """The tree-sitter Language object for a canonical language name."""
    from tree_sitter import Language

    if language == "javascript":
        import tree_sitter_javascript as grammar

        return Language(grammar.language())
    if language in ("typescript", "tsx"):
        import tree_sitter_typescript as ts_grammar

        fn = ts_grammar.language_tsx if language == "tsx" else ts_grammar.language_typescript
        return Language(fn())
    if language == "python":
        import tree_sitter_python as py_grammar

        return Language(py_grammar.language())
    raise ValueError(f"no tree-sitter grammar for {language!r}")


@cache
def ts_parser(language: str) -> Parser:
    from tree_sitter import Parser

    return Parser(ts_language(language))


def parse_tree(source: str, language: str) -> Tree:
    """Parse JS/TS/TSX/Python source with tree-sitter (never raises on bad code)."""
    return ts_parser(language).parse(source.encode("utf-8"))


def _first_error(node: Node) -> Node | None:
    if node.type == "ERROR" or node.is_missing:
        return node
    if not node.has_error:
        return None
    for child in node.children:
        found = _first_error(child)
        if found is not None:
            return found
    return node


def tree_sitter_problem(source: str, language: str) -> SyntaxProblem | None:
    tree = parse_tree(source, language)
    if not tree.root_node.has_error:
        return None
    bad = _first_error(tree.root_node) or tree.root_node
    row, col = bad.start_point
    what = f"missing {bad.type}" if bad.is_missing else "syntax error"
    snippet = source.splitlines()[row].strip() if row < len(source.splitlines()) else ""
    return SyntaxProblem(row + 1, col + 1, f"{what} in {language} near {snippet[:60]!r}")


def nginx_parse(source: str) -> dict[str, Any]:
    """crossplane payload for an nginx snippet; context checks off, since snippets are
    often a lone `location` or `server` block."""
    import crossplane

    fd, path = tempfile.mkstemp(suffix=".conf")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(source)
        payload: dict[str, Any] = crossplane.parse(
            path, single=True, comments=True, check_ctx=False, catch_errors=True
        )
        return payload
    finally:
        os.unlink(path)


def nginx_problem(source: str) -> SyntaxProblem | None:
    payload = nginx_parse(source)
    for config in payload.get("config", []):
        for err in config.get("errors", []):
            return SyntaxProblem(int(err.get("line") or 1), 1, f"nginx: {err.get('error')}")
    return None


def syntax_problem(source: str, language: str) -> SyntaxProblem | None:
    """The first syntax problem of a snippet, or None when it parses."""
    if language in TREE_SITTER_LANGUAGES:
        return tree_sitter_problem(source, language)
    if language == "nginx":
        return nginx_problem(source)
    if language == "json":
        try:
            json.loads(source)
        except json.JSONDecodeError as exc:
            return SyntaxProblem(exc.lineno, exc.colno, f"json: {exc.msg}")
        return None
    if language == "yaml":
        import yaml

        try:
            list(yaml.safe_load_all(source))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            return SyntaxProblem(line, 1, f"yaml: {getattr(exc, 'problem', exc)}")
        return None
    return None
