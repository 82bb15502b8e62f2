"""Shared bits of `ask`, `show` and `route`: the --skill option and loading it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..model import Skill

skill_option = click.option(
    "--skill", "skill_dir", type=click.Path(path_type=Path), default=None,
    help="Skill folder to read (default: the embedded realtime-engineer skill).")


def fail(ctx: click.Context, message: str) -> None:
    """A usage error as one line on stderr, exit 2 (click's own adds a usage block)."""
    click.echo(f"error: {message}", err=True)
    ctx.exit(2)


def load(ctx: click.Context, skill_dir: Path | None) -> Skill:
    from ..loader import SkillNotFound, load_skill

    try:
        return load_skill(skill_dir)
    except SkillNotFound as exc:
        fail(ctx, str(exc))
        raise AssertionError("unreachable") from exc  # ctx.exit raised


def is_terminal() -> bool:
    return sys.stdout.isatty()
