from __future__ import annotations

from pathlib import Path

import pytest

from realtime_skill.cli import main
from realtime_skill.install import AGENT_DIRS, MANIFEST, destination


def test_install_into_temp_home_passes_the_official_validator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from skills_ref import validate

    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["install", "--agent", "claude", "--user"]) == 0
    target = tmp_path / ".claude" / "skills" / "realtime-engineer"
    assert (target / "SKILL.md").is_file()
    assert (target / "references" / "patterns.md").is_file()
    assert (target / "scripts" / "realtime_skill" / "cli.py").is_file()
    assert not list(target.rglob("__pycache__"))
    assert validate(target) == []


@pytest.mark.parametrize("agent", sorted(AGENT_DIRS))
def test_project_destinations(agent: str, tmp_path: Path) -> None:
    target = destination(agent, user=False, dest=None, cwd=tmp_path)
    assert target.name == "realtime-engineer"
    assert target.parent == tmp_path / AGENT_DIRS[agent][0]


def test_changed_copy_is_refused_then_backed_up_with_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["install", "--dest", str(tmp_path)]) == 0
    target = tmp_path / "realtime-engineer"
    assert (target / MANIFEST).is_file()
    assert main(["install", "--dest", str(tmp_path)]) == 0
    assert "up to date" in capsys.readouterr().out
    (target / "SKILL.md").write_text("my notes\n")
    assert main(["install", "--dest", str(tmp_path)]) == 1
    assert "changed since install" in capsys.readouterr().err
    assert (target / "SKILL.md").read_text() == "my notes\n"
    assert main(["install", "--dest", str(tmp_path), "--force"]) == 0
    backup = tmp_path / ".realtime-engineer.bak1"
    assert (backup / "SKILL.md").read_text() == "my notes\n"
    assert (target / "SKILL.md").read_text().startswith("---\nname: realtime-engineer")


def test_foreign_folder_and_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    foreign = tmp_path / "realtime-engineer"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine")
    assert main(["install", "--dest", str(tmp_path)]) == 1
    assert main(["install", "--dest", str(tmp_path), "--force", "--dry-run"]) == 0
    assert "would replace" in capsys.readouterr().out
    assert (foreign / "keep.txt").read_text() == "mine"


def test_wheel_layout_keeps_references(tmp_path: Path) -> None:
    # An installed wheel keeps the skill in realtime_skill/_skill/; install must still copy it.
    import shutil

    from realtime_skill.install import skill_files
    from realtime_skill.loader import embedded_skill_dir, load_skill

    root = tmp_path / "_skill"
    root.mkdir()
    shutil.copy(embedded_skill_dir() / "SKILL.md", root / "SKILL.md")
    shutil.copytree(embedded_skill_dir() / "references", root / "references")
    files = skill_files(load_skill(root))
    assert "references/patterns.md" in files and "references/sharp_edges.md" in files
