"""`realtime-skill index [--check] [SKILL_DIR]`."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("index")
@click.argument("skill_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--check", is_flag=True, help="Only say whether the file is up to date (exit 1 if not).")
def command(skill_dir: Path | None, check: bool) -> int:
    """Write references/search-index.json: the search index that
    `python3 scripts/realtime_skill/standalone.py ask|show|list` answers from with the
    standard library alone. Exit 0, 1 (--check: stale or missing), 2 on a usage error."""
    from ..loader import SkillNotFound, load_skill
    from ..search.index import build_index
    from ..search.indexfile import FILENAME, IndexFileError, dumps, read, write

    try:
        skill = load_skill(skill_dir, use_cache=False)
    except SkillNotFound as exc:
        raise click.UsageError(str(exc)) from exc
    index = build_index(skill)
    try:
        fresh = dumps(read(skill.root)) == dumps(index)
    except IndexFileError:
        fresh = False
    if check:
        click.echo(f"{FILENAME}: {'up to date' if fresh else 'stale or missing'}")
        raise SystemExit(0 if fresh else 1)
    if not fresh:
        try:
            write(skill.root, index)
        except OSError as exc:
            raise click.ClickException(f"{skill.root / FILENAME}: {exc.strerror or exc}") from exc
    click.echo(f"{FILENAME}: {'unchanged' if fresh else 'written'} ({len(index.ids)} entries)")
    return 0
