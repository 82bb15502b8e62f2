"""`realtime-skill prompt [--full] [--budget N]`."""

from __future__ import annotations

import click


@click.command("prompt")
@click.option("--full", is_flag=True, help="Add SKILL.md and the entry index (within --budget).")
@click.option("--budget", default=6000, show_default=True, type=click.IntRange(50, 1_000_000),
              help="Token budget for --full (4 characters per token).")
@click.option("--location", default=None, help="Path to show in <location> (default: this SKILL.md).")
def command(full: bool, budget: int, location: str | None) -> int:
    """Print the <available_skills> block an agent harness puts in its system prompt
    (values XML-escaped, as the Agent Skills client guide and skills-ref do). Exit 0."""
    from ..loader import load_skill
    from ..prompt import catalog
    from ..prompt import full as full_prompt

    skill = load_skill()
    click.echo(full_prompt(skill, budget, location) if full else catalog(skill, location))
    return 0
