"""realtime-engineer: an Agent Skill for real-time systems, and its toolkit.

Public API (imported lazily so that `realtime-skill --help` stays fast):
`load_skill`, `Skill`, `Entry`, `Diagnostic`, `lint_skill`, `check_source`, `check_paths`.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_skill": "loader",
    "SkillNotFound": "loader",
    "Skill": "model",
    "Entry": "model",
    "Diagnostic": "diagnostics",
    "lint_skill": "lint",
    "check_source": "check",
    "check_paths": "check",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'realtime_skill' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)
