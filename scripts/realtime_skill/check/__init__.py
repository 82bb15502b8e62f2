"""`realtime-skill check`: run the rules of references/validations.md over code.

Engine API (check-engine):
- `check_source(text, filename, *, skill=None, select=None, ignore=None)`: findings for
  one file's text; never raises.
- `compile_rules(skill) -> RuleSet` (cached per skill digest) and
  `check_text(text, filename, ruleset, select=..., ignore=..., language=...)`: the
  lower level for walkers: compile once, then check many files (also in worker
  processes: a RuleSet is plain data and queries are compiled lazily per process).
Imports stay lazy so that `import realtime_skill.check` is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic

if TYPE_CHECKING:
    from ..model import Skill
    from .rules import RuleSet

Finding = Diagnostic

__all__ = ["Finding", "check_source", "check_text", "compile_rules"]


def compile_rules(skill: Skill) -> RuleSet:
    from .rules import compile_rules as _compile

    return _compile(skill)


def check_text(text: str, filename: str, ruleset: RuleSet, **options: Any) -> list[Finding]:
    from .engine import check_text as _check_text

    return _check_text(text, filename, ruleset, **options)


def check_source(text: str, filename: str, *, skill: Skill | None = None,
                 select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Finding]:
    """Findings of the skill's rules (default: the embedded skill) in one file's text.

    `filename` decides the language (.js/.jsx/.mjs/.cjs, .ts, .tsx, .py, .conf/nginx.conf)
    and which rules apply; other files give no findings. Never raises: a skill that
    cannot be loaded or an internal failure comes back as a `check-error` Diagnostic.
    """
    try:
        if skill is None:
            from ..loader import load_skill

            skill = load_skill()
        ruleset = compile_rules(skill)
    except Exception as exc:
        return [Diagnostic(filename, 1, "check-error", f"cannot load the rules: {type(exc).__name__}: {exc}")]
    return check_text(text, filename, ruleset, select=select, ignore=ignore)


# Walking trees (check-cli): `check_paths` and its `CheckReport`, from runner.py,
# loaded on first use so that importing the package stays cheap.
def __getattr__(name: str) -> Any:
    if name in ("check_paths", "CheckReport"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    from .runner import CheckReport, check_paths

__all__ += ["CheckReport", "check_paths"]
