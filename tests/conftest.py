from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests must not read or write the user's cache.
    monkeypatch.setenv("REALTIME_SKILL_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def skill_dir(tmp_path: Path) -> Path:
    """A writable copy of the small valid fixture skill, in a folder named like the skill."""
    dest = tmp_path / "realtime-engineer"
    shutil.copytree(FIXTURES / "skills" / "realtime-engineer", dest)
    return dest
