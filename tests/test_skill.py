"""The embedded skill itself: valid for the official validator, clean under lint."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from conftest import COVERAGE

from realtime_skill.lint import lint_skill
from realtime_skill.loader import embedded_skill_dir, load_skill


def test_official_validator_accepts_the_skill_folder(tmp_path: Path) -> None:
    from skills_ref import validate

    src = embedded_skill_dir()
    dest = tmp_path / "realtime-engineer"
    dest.mkdir()
    shutil.copy(src / "SKILL.md", dest / "SKILL.md")
    shutil.copytree(src / "references", dest / "references")
    assert validate(dest) == []


def test_embedded_skill_lints_clean() -> None:
    coverage = yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))
    problems = [d for d in lint_skill(coverage=coverage) if d.severity != "info"]
    assert problems == [], "\n".join(f"{d.path}:{d.line}: {d.rule} {d.message}" for d in problems[:20])


def test_every_required_id_is_present() -> None:
    coverage = yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))
    skill = load_skill()
    for section, kind in (("sharp_edges", "sharp_edge"), ("patterns", "pattern"), ("validations", "validation")):
        for entry_id in coverage[section]:
            entry = skill.get(entry_id)
            assert entry is not None and entry.kind == kind, entry_id


def test_every_entry_has_a_source_and_code() -> None:
    for entry in load_skill().entries:
        assert entry.sources, entry.id
        assert all(s.url.startswith("https://") for s in entry.sources), entry.id
        assert entry.code_blocks(), entry.id


def test_embedded_skill_ships_a_fresh_search_index() -> None:
    # standalone.py answers from it; lint (search-index-stale) keeps it fresh once present
    from realtime_skill.search.indexfile import FILENAME

    assert (embedded_skill_dir() / FILENAME).is_file()
    assert not [d for d in lint_skill(run_rules=False) if d.rule == "search-index-stale"]
