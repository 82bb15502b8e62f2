"""`realtime-skill list [--kind KIND] [--format text|json]`."""

from __future__ import annotations

import json

import click


def _terminal_width() -> int:
    """The terminal's width, or 0 when the output goes to a pipe (keep whole lines)."""
    import shutil
    import sys

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else 0


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
        width = _terminal_width()
        id_width = max((len(e.id) for e in entries), default=0)
        for e in entries:
            line = f"{e.id:<{id_width}}  {e.kind:<10}  {e.title}"
            if width and len(line) > width:  # on a terminal, one line per entry
                line = line[: max(width - 1, id_width)] + "…"
            click.echo(line)
    return 0
