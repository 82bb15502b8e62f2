"""`realtime-skill route "QUESTION"`: is this question for the skill, and in which mode."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._skillopt import fail, load, skill_option


@click.command("route")
@click.argument("question", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@skill_option
@click.pass_context
def command(ctx: click.Context, question: tuple[str, ...], fmt: str, skill_dir: Path | None) -> int:
    """Say whether QUESTION is about real-time systems (triggered) and whether it asks
    to diagnose a symptom, create something or review code, with the reasons.

    JSON: {"query", "triggered", "mode", "reasons": [...]}. Exit 0, or 2 on usage errors.
    """
    text = " ".join(question).strip()
    if not text:
        fail(ctx, "the question is empty")
    from ..search import route

    rt = route(load(ctx, skill_dir), text)
    if fmt == "json":
        click.echo(json.dumps({"query": text, "triggered": rt.triggered, "mode": rt.mode,
                               "reasons": list(rt.reasons)}, ensure_ascii=False))
    else:
        click.echo(f"triggered: {'yes' if rt.triggered else 'no'}")
        click.echo(f"mode: {rt.mode}")
        click.echo("reasons:")
        for reason in rt.reasons:
            click.echo(f"  - {reason}")
    return 0
