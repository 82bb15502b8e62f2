"""Terminal rendering with rich, imported only when stdout is a terminal (rich costs
about 60 ms of start-up that piped and JSON output do not need)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from ..search import Answer
from ..search.index import Index

_KIND_STYLE = {"sharp_edge": "red", "pattern": "green", "validation": "yellow"}


def print_answer(index: Index, ans: Answer) -> None:
    console = Console()
    if not ans.route.triggered:
        reason = ans.route.reasons[-1] if ans.route.reasons else ""
        console.print(f"[dim]Not a real-time systems question for this skill ({escape(reason)}). "
                      "No entries.[/dim]")
        return
    console.print(f"[dim]mode:[/dim] [bold]{ans.route.mode}[/bold]")
    position = {entry_id: i for i, entry_id in enumerate(index.ids)}
    for rank, hit in enumerate(ans.hits, 1):
        i = position[hit.id]
        style = _KIND_STYLE.get(hit.kind, "white")
        sev = f" {index.severities[i]}" if index.severities[i] else ""
        console.print()
        console.print(f"[bold]{rank}. {escape(hit.id)}[/bold]  [{style}]{hit.kind}{sev}[/{style}]  "
                      f"[dim]score {hit.score:.2f}[/dim]")
        console.print(f"   [bold]{escape(hit.title)}[/bold]")
        console.print(f"   {escape(index.excerpts[i])}", highlight=False)
        if index.related[i]:
            console.print(f"   [dim]related: {escape(', '.join(index.related[i]))}[/dim]")
    console.print()
    console.print("[dim]Read one in full: realtime-skill show ID[/dim]")


def print_markdown(text: str) -> None:
    from rich.markdown import Markdown

    Console().print(Markdown(text))
