"""The copies of ../shared/ files under tests/fixtures/shared/ match the originals wherever those
exist (the lead's machine, CI), so a plain clone tests against the same data."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED_COPIES

SHARED = Path(__file__).resolve().parents[2] / "shared"
ORIGINALS = {"sarif-schema-2.1.0.json": SHARED / "schemas" / "sarif-schema-2.1.0.json",
             "coverage.yaml": SHARED / "coverage.yaml",
             "coverage-2.yaml": SHARED / "coverage-2.yaml"}


@pytest.mark.parametrize("name", sorted(p.name for p in SHARED_COPIES.iterdir()))
def test_copy_matches_original(name: str) -> None:
    original = ORIGINALS[name]
    if not original.is_file():
        # a plain clone has no ../shared/; the copy is then the only source, nothing to compare
        assert (SHARED_COPIES / name).stat().st_size > 0
        return
    assert (SHARED_COPIES / name).read_bytes() == original.read_bytes(), f"{name} differs from {original}"
