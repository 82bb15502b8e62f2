"""`realtime-skill ask "QUESTION"`: the best knowledge-base entries for a question."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._skillopt import fail, is_terminal, load, skill_option

KIND_CHOICES = ["sharp_edge", "pattern", "validation"]
STDIN_LIMIT = 1 << 20


@click.command("ask")
@click.argument("question", nargs=-1, required=True)
@click.option("--limit", "-n", type=click.IntRange(1, 50), default=5, show_default=True,
              help="Most entries to return.")
@click.option("--kind", type=click.Choice(KIND_CHOICES), default=None, help="Only entries of this kind.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--budget", type=click.IntRange(min=1), default=None, metavar="TOKENS",
              help="Markdown that fits about TOKENS tokens (4 characters each): whole entries, "
                   "best first, then pointers. Implies --format markdown.")
@skill_option
@click.pass_context
def command(ctx: click.Context, question: tuple[str, ...], limit: int, kind: str | None, fmt: str,
            budget: int | None, skill_dir: Path | None) -> int:
    """Answer a real-time design or debugging question from the knowledge base.

    Prints the best entries (id, kind, title, score, an excerpt, related ids), or
    nothing when the question is not about real-time systems. JSON (--format json) is
    one object: {"query", "triggered", "mode", "results": [{"id", "kind", "title",
    "score"}]}, results best first and empty when not triggered.

    QUESTION `-` reads the question from standard input (a pasted log or file).

    Exit codes: 0 answered (even with no entries), 2 usage error (e.g. empty question).
    """
    if question == ("-",):
        import sys

        # a pasted traceback or file: bounded, the engine caps the question itself
        text = sys.stdin.read(STDIN_LIMIT).strip()
    else:
        text = " ".join(question).strip()
    if budget is not None and ctx.get_parameter_source("fmt") is click.core.ParameterSource.COMMANDLINE \
            and fmt != "markdown":
        fail(ctx, f"--budget prints Markdown; it cannot be combined with --format {fmt}")
    if not text:
        fail(ctx, "the question is empty; ask e.g. realtime-skill ask \"websocket drops after 60 seconds\"")
    from ..search import answer_from_index
    from ..search.index import cached_index, get_index
    from ..search.present import answer_json, answer_markdown, answer_text

    markdown = budget is not None or fmt == "markdown"
    # text and JSON come from the cached index alone; Markdown needs the entries
    index = None if markdown else cached_index(skill_dir)
    skill = None
    if index is None:
        skill = load(ctx, skill_dir)
        index = get_index(skill)
    ans = answer_from_index(index, text, kind=kind, limit=limit)
    if markdown:
        assert skill is not None
        click.echo(answer_markdown(skill, ans, budget), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(answer_json(ans), ensure_ascii=False))
    elif is_terminal():
        from ._rich import print_answer

        print_answer(index, ans)
    else:
        click.echo(answer_text(index, ans), nl=False)
    return 0
