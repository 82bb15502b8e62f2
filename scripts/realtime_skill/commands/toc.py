"""`realtime-skill toc [--write] [SKILL_DIR]`."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("toc")
@click.argument("skill_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--write", is_flag=True, help="Rewrite the files in place instead of printing.")
def command(skill_dir: Path | None, write: bool) -> int:
    """Print (or with --write, rewrite) the table of contents of each reference file,
    kept between <!-- toc --> and <!-- /toc --> markers. Exit 0, or 2 on a usage error."""
    from ..loader import SkillNotFound, load_skill
    from ..toc import render_toc, with_toc

    try:
        skill = load_skill(skill_dir, use_cache=False)
    except SkillNotFound as exc:
        raise click.UsageError(str(exc)) from exc
    for ref in skill.files:
        entries = [e for e in skill.entries if e.path == ref.path]
        if not write:
            click.echo(f"{ref.path}:\n{render_toc(entries)}\n")
            continue
        path = skill.root / ref.path
        new = with_toc(ref.text, entries)
        if new != ref.text:
            path.write_text(new, encoding="utf-8")
            click.echo(f"rewrote {ref.path} ({len(entries)} entries)")
    return 0
