from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# Copies of ../shared/ files the tests need, so a plain clone runs every test; test_shared_copies
# checks them against ../shared/ wherever that folder exists.
SHARED_COPIES = FIXTURES / "shared"
SARIF_SCHEMA = SHARED_COPIES / "sarif-schema-2.1.0.json"
COVERAGE = SHARED_COPIES / "coverage.yaml"


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
