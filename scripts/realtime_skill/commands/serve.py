"""`realtime-skill serve`."""

from __future__ import annotations

import click


@click.command("serve")
@click.option("--transport", type=click.Choice(["stdio", "streamable-http"]), default="stdio", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Bind address for streamable-http.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def command(transport: str, host: str, port: int) -> int:
    """Serve the skill over MCP: resources (SKILL.md, reference files, entries by id),
    tools (search, route, get_entry, list_entries, check_code) and prompts (design,
    diagnose, review). Runs until the client disconnects. Exit 0, or 2 on a usage error."""
    from ..serve import run

    run(transport, host, port)
    return 0
