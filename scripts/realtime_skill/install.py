"""Copy the skill folder to where an agent looks for skills, safely.

A manifest of SHA-256 digests written beside the copy tells a later install whether
the user changed the installed files; changed copies are kept unless forced.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .model import Skill

SKILL_FOLDER = "realtime-engineer"
MANIFEST = ".realtime-skill-install.json"
# (project folder, user folder) per agent, as each documents or scans them.
AGENT_DIRS: dict[str, tuple[str, str]] = {
    "claude": (".claude/skills", "~/.claude/skills"),
    "codex": (".agents/skills", "~/.agents/skills"),
    "cursor": (".cursor/skills", "~/.cursor/skills"),
    "agents": (".agents/skills", "~/.agents/skills"),
}
SKIP_NAMES = {"__pycache__", "_skill", ".DS_Store", ".pytest_cache", ".mypy_cache"}


class InstallError(Exception):
    """The install cannot proceed (a changed copy without --force, a bad destination)."""


@dataclass(frozen=True)
class InstallPlan:
    target: Path
    files: dict[str, bytes]  # relative path -> content
    status: str  # "new", "update", "replace" (forced over a foreign folder), "unchanged"
    changed_by_user: tuple[str, ...] = ()
    removed: tuple[str, ...] = field(default_factory=tuple)


def destination(agent: str, *, user: bool, dest: Path | None, cwd: Path | None = None) -> Path:
    if dest is not None:
        return dest / SKILL_FOLDER
    if agent not in AGENT_DIRS:
        raise InstallError(f"unknown agent {agent!r}; choose from {', '.join(AGENT_DIRS)}")
    project, home = AGENT_DIRS[agent]
    base = Path(os.path.expanduser(home)) if user else (cwd or Path.cwd()) / project
    return base / SKILL_FOLDER


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def skill_files(skill: Skill) -> dict[str, bytes]:
    """SKILL.md, references/ and scripts/realtime_skill/ (the toolkit the skill names)."""
    files = {"SKILL.md": (skill.root / "SKILL.md").read_bytes()}
    for path in sorted((skill.root / "references").rglob("*")):
        rel = path.relative_to(skill.root)
        if path.is_file() and not (SKIP_NAMES & set(rel.parts)):
            files[rel.as_posix()] = path.read_bytes()
    package = _package_dir()
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package)
        if path.is_file() and not (SKIP_NAMES & set(rel.parts)) and path.suffix != ".pyc":
            files[f"scripts/realtime_skill/{rel.as_posix()}"] = path.read_bytes()
    return files


def _digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def plan(skill: Skill, target: Path, *, force: bool = False) -> InstallPlan:
    files = skill_files(skill)
    if not target.exists():
        return InstallPlan(target, files, "new")
    if not target.is_dir():
        raise InstallError(f"{target} exists and is not a folder")
    manifest_path = target / MANIFEST
    try:
        manifest: dict[str, str] = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        if not force:
            raise InstallError(f"{target} exists and was not installed by realtime-skill; "
                               "use --force to replace it (the old folder is kept as a backup)") from None
        return InstallPlan(target, files, "replace")
    changed = []
    for rel, digest in manifest.items():
        path = target / rel
        if path.is_file() and _digest(path.read_bytes()) != digest:
            changed.append(rel)
    if changed and not force:
        raise InstallError(f"{len(changed)} installed file(s) were changed since install "
                           f"({', '.join(changed[:3])}); use --force to overwrite them")
    same = {rel: _digest(data) for rel, data in files.items()} == manifest and not changed
    removed = tuple(sorted(set(manifest) - set(files)))
    return InstallPlan(target, files, "unchanged" if same else "update", tuple(changed), removed)


def backup_path(install: InstallPlan) -> Path | None:
    """Where a forced install keeps what it replaces: nothing the user wrote is lost."""
    if install.status == "replace" or install.changed_by_user:
        n = 1
        while (candidate := install.target.with_name(f".{install.target.name}.bak{n}")).exists():
            n += 1
        return candidate
    return None


def apply(install: InstallPlan) -> Path | None:
    """Write the plan; return the backup folder if one was kept."""
    if install.status == "unchanged":
        return None
    tmp = install.target.with_name(f".{install.target.name}.installing")
    if tmp.exists():
        shutil.rmtree(tmp)
    for rel, data in install.files.items():
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    manifest = {"tool": "realtime-skill", "files": {rel: _digest(d) for rel, d in install.files.items()}}
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    backup = backup_path(install)
    if install.target.exists():
        old = backup or install.target.with_name(f".{install.target.name}.old")
        if old.exists():
            shutil.rmtree(old)
        install.target.rename(old)
        tmp.rename(install.target)
        if backup is None:
            shutil.rmtree(old)
    else:
        install.target.parent.mkdir(parents=True, exist_ok=True)
        tmp.rename(install.target)
    return backup
