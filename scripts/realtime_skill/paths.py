"""Where the skill and the caches live. Import-light on purpose: the cold `ask` path
uses it without loading the model, the loader or the skill pickle."""

from __future__ import annotations

import os
from pathlib import Path

# Every file the loader reads, relative to the skill root, in a stable order.
INPUTS = ("SKILL.md", "references/sharp_edges.md", "references/patterns.md",
          "references/validations.md", "references/vocabulary.yaml")


class SkillNotFound(Exception):
    """The path is not a skill folder (no SKILL.md)."""


def embedded_skill_dir() -> Path:
    """The skill shipped with the package: `_skill/` inside an installed wheel, or
    the repository root when running from a checkout (editable install)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_skill", here.parent.parent):
        if (candidate / "SKILL.md").is_file():
            return candidate
    raise SkillNotFound(f"no embedded SKILL.md next to {here}")


def cache_dir() -> Path:
    base = os.environ.get("REALTIME_SKILL_CACHE")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "realtime-skill"


def caching_enabled() -> bool:
    return not os.environ.get("REALTIME_SKILL_NO_CACHE")
