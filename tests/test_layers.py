"""The import layering: lower layers never import upper ones (the model knows nothing of search).
Function-level imports count too; they are a cycle deferred, not avoided."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "realtime_skill"

# module (top-level name inside the package) -> top-level names it must never import
FORBIDDEN = {
    **{low: {"search", "check", "lint", "serve", "commands", "cli", "install", "export", "prompt"}
       for low in ("paths", "diagnostics", "codeparse", "yamlutil", "model", "parse", "schema", "loader")},
    "search": {"check", "lint", "serve", "commands", "cli", "install"},
    "check": {"search", "lint", "serve", "commands", "cli", "install"},
    "lint": {"serve", "commands", "cli"},  # lint reads the search index file to keep it fresh
    "serve": {"commands", "cli"},
}


def _imports(path: Path, source: str | None = None) -> set[str]:
    """Top-level package names imported by one module, relative imports resolved."""
    package = path.relative_to(PACKAGE).with_suffix("").parts[:-1]  # a.py and __init__.py alike
    names: set[str] = set()
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                parts = base + (node.module.split(".") if node.module else [])
                if parts:
                    names.add(parts[0])
                else:  # `from . import x` at the package root
                    names.update(alias.name for alias in node.names)
            elif node.module and node.module.startswith("realtime_skill."):
                names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("realtime_skill."))
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_upward_import(path: Path) -> None:
    top = path.relative_to(PACKAGE).with_suffix("").parts[0]
    bad = FORBIDDEN.get(top, set()) & (_imports(path) - {top})
    assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_the_checker_sees_an_upward_import() -> None:
    # The walker must resolve deferred and nested relative imports, or the test above could never fail.
    late = "def _late():\n    from .search import search\n"
    assert "search" in _imports(PACKAGE / "model.py", late)
    assert "search" in _imports(PACKAGE / "check" / "rules.py", "from ..search.text import tokens\n")
    assert "check" in _imports(PACKAGE / "check" / "rules.py", "from . import walk\n")
