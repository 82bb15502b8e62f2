"""Shared helpers for the check tests: the repository's skill, loadable even before
the lead adds the root SKILL.md (a temporary folder then holds the references)."""

from __future__ import annotations

import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from realtime_skill.loader import load_skill
from realtime_skill.model import Skill

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def repo_skill() -> Skill:
    if (ROOT / "SKILL.md").is_file():
        return load_skill(ROOT, use_cache=False)
    tmp = Path(tempfile.mkdtemp(prefix="rt-skill-test-"))
    (tmp / "references").mkdir()
    (tmp / "SKILL.md").write_text("---\nname: realtime-engineer\ndescription: test\n---\n# test\n", encoding="utf-8")
    for ref in (ROOT / "references").glob("*.md"):
        shutil.copy(ref, tmp / "references" / ref.name)
    return load_skill(tmp, use_cache=False)
