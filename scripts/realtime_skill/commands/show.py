"""`realtime-skill show ID`: print one knowledge-base entry."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import click

from ._skillopt import fail, is_terminal, load, skill_option


@click.command("show")
@click.argument("entry_id")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="text renders Markdown on a terminal; markdown prints it raw.")
@skill_option
@click.pass_context
def command(ctx: click.Context, entry_id: str, fmt: str, skill_dir: Path | None) -> int:
    """Print the entry ENTRY_ID (a sharp edge, pattern or validation).

    Exit codes: 0 printed, 2 unknown id (with the closest ids) or other usage error.
    """
    skill = load(ctx, skill_dir)
    entry = skill.get(entry_id.strip())
    if entry is None:
        close = difflib.get_close_matches(entry_id.strip().lower(), skill.ids(), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; list them with realtime-skill list"
        fail(ctx, f"unknown id {entry_id!r}{hint}")
        return 2
    if fmt == "json":
        from ..search.present import entry_json

        click.echo(json.dumps(entry_json(entry), ensure_ascii=False, indent=2))
    elif fmt == "text" and is_terminal():
        from ._rich import print_markdown

        print_markdown(entry.markdown)
    else:
        click.echo(entry.markdown.rstrip("\n") + "\n", nl=False)
    return 0
