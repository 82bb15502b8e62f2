"""The `realtime-skill` command: a thin click layer over the library.

Commands live in `commands/<name>.py` and are imported only when invoked, so
`--help`, `--version` and cheap commands do not pay for tree-sitter, jsonschema or mcp.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any

import click

from . import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "lint": ("lint", "Lint skill folders: frontmatter, reference format, links, code blocks, rules."),
    "check": ("check", "Check JS/TS, Python and nginx files against the validation rules."),
    "ask": ("ask", "Answer a real-time design or debugging question from the knowledge base."),
    "show": ("show", "Print one knowledge-base entry by id."),
    "route": ("route", "Say whether a question is for this skill, and in which mode."),
    "list": ("list_entries", "List the knowledge-base entries, optionally of one kind."),
    "index": ("index", "Write the search index that standalone.py answers from without pip."),
    "toc": ("toc", "Print or rewrite the table of contents of the reference files."),
    "serve": ("serve", "Serve the skill to agent harnesses over MCP (stdio or HTTP)."),
    "prompt": ("prompt", "Print the <available_skills> catalogue block for a system prompt."),
    "install": ("install", "Copy the skill into the folder an agent scans for skills."),
    "export": ("export", "Export the whole knowledge base as one JSON document."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        module = import_module(f"realtime_skill.commands.{spec[0]}")
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help comes from the table, so listing commands imports none of them.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="realtime-skill")
def cli() -> None:
    """realtime-engineer: the real-time systems skill (WebSockets, SSE, presence,
    collaborative editing, backpressure, reconnection, scaling) and its toolkit.

    Exit codes: 0 success, 1 problems or findings, 2 usage error.
    """


def main(argv: list[str] | None = None) -> int:
    try:
        result: Any = cli.main(args=argv, prog_name="realtime-skill", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return 2 if exc.exit_code in (1, 2) else int(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # `realtime-skill ask ... | head` must not print a traceback
        return 0
    return int(result) if isinstance(result, int) else 0
