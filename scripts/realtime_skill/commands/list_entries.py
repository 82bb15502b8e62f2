"""`realtime-skill list [--kind KIND] [--format text|json]`."""

from __future__ import annotations

import json

import click


@click.command("list")
@click.option("--kind", type=click.Choice(["sharp_edge", "pattern", "validation"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(kind: str | None, fmt: str) -> int:
    """List entry ids, kinds and titles of the embedded knowledge base. Exit 0."""
    from ..loader import load_skill

    skill = load_skill()
    entries = skill.by_kind(kind) if kind else skill.entries
    if fmt == "json":
        rows = [{"id": e.id, "kind": e.kind, "title": e.title, "severity": e.severity, "tags": list(e.tags)}
                for e in entries]
        click.echo(json.dumps(rows, indent=2))
    else:
        for e in entries:
            click.echo(f"{e.id:<42} {e.kind:<11} {e.title}")
    return 0
