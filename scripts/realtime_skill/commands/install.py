"""`realtime-skill install --agent AGENT [--project|--user] [--dest DIR] [--dry-run] [--force]`."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("install")
@click.option("--agent", type=click.Choice(["claude", "codex", "cursor", "agents"]), default="agents",
              show_default=True, help="Whose skills folder to install into.")
@click.option("--project/--user", "project", default=True, show_default=True,
              help="The project's folder (under the current directory) or the user's (under ~).")
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Install into DIR/realtime-engineer instead.")
@click.option("--dry-run", is_flag=True, help="Say what would happen; write nothing.")
@click.option("--force", is_flag=True, help="Overwrite a copy that was changed or not installed by us "
                                           "(the old folder is kept as a hidden .bak backup).")
def command(agent: str, project: bool, dest: Path | None, dry_run: bool, force: bool) -> int:
    """Copy SKILL.md, references/ and scripts/ into the folder the agent scans, as
    realtime-engineer/. Folders: claude .claude/skills, codex and agents .agents/skills,
    cursor .cursor/skills (project), or the same under ~ with --user.

    Exit codes: 0 installed or up to date, 1 refused (a changed copy), 2 usage error.
    """
    from ..install import InstallError, apply, backup_path, destination, plan
    from ..loader import load_skill

    skill = load_skill()
    target = destination(agent, user=not project, dest=dest)
    try:
        install = plan(skill, target, force=force)
    except InstallError as exc:
        click.echo(f"realtime-skill install: {exc}", err=True)
        return 1
    verb, done = {"new": ("install", "installed"), "update": ("update", "updated"),
                  "replace": ("replace", "replaced"), "unchanged": ("leave", "left")}[install.status]
    if install.status == "unchanged":
        click.echo(f"{target}: up to date ({len(install.files)} files)")
        return 0
    if dry_run:
        backup = backup_path(install)
        click.echo(f"would {verb} {target} ({len(install.files)} files)"
                   + (f"; would keep the old copy as {backup}" if backup else ""))
        return 0
    try:
        backup = apply(install)
    except OSError as exc:
        click.echo(f"realtime-skill install: cannot write {target}: {exc.strerror or exc}", err=True)
        return 1
    click.echo(f"{done} {target} ({len(install.files)} files)")
    if backup:
        click.echo(f"kept the previous copy as {backup}")
    return 0
