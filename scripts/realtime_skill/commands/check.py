"""`realtime-skill check [PATHS...]`: a thin layer over `realtime_skill.check.check_paths`."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from .. import __version__

if TYPE_CHECKING:
    from ..check.config import CheckConfig
    from ..model import Skill

FORMATS = ("text", "json", "github", "sarif")
PROGRESS_MIN_FILES = 200  # below this a run takes about a second: a bar would only flicker


class FatalError(click.ClickException):
    """A run that cannot go on (bad option value, no skill, broken configuration):
    one line on stderr, exit 2 (click's UsageError would add two lines of usage)."""

    exit_code = 2


def _ids(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def _check_ids(option: str, ids: list[str] | None, known: set[str]) -> None:
    unknown = sorted(set(ids or ()) - known)
    if unknown:
        raise FatalError(
            f"{option}: unknown rule id{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
            f"(`realtime-skill list --kind validation` shows them)"
        )


def _load_skill(skill_dir: str | None) -> Skill:
    from ..loader import SkillNotFound, load_skill

    try:
        skill = load_skill(skill_dir)
    except SkillNotFound as exc:
        raise FatalError(str(exc)) from exc
    if any(d.rule == "skill-md-missing" for d in skill.diagnostics):
        raise FatalError(f"{skill.root}: not a skill folder (no SKILL.md)")
    if not skill.by_kind("validation"):
        raise FatalError(f"{skill.root}: the skill has no validation rules to check with")
    return skill


def _load_config(paths: list[str], known: set[str]) -> CheckConfig:
    from ..check.config import discover_config

    config = discover_config(paths)
    for problem in config.diagnostics:
        if problem.severity == "error":
            raise FatalError(f"{problem.path}:{problem.line}: {problem.message}")
        click.echo(f"warning: {problem.path}:{problem.line}: {problem.message}", err=True)
    # a rule id the skill does not know in a shared file warns, so a config written
    # for a newer skill does not break older installs
    kept: dict[str, tuple[str, ...] | None] = {}
    for key, ids in (("select", config.select), ("ignore", config.ignore)):
        if ids is None:
            kept[key] = None
            continue
        for rule in sorted(set(ids) - known):
            click.echo(f"warning: {config.source}: {key}: unknown rule id {rule!r}", err=True)
        kept[key] = tuple(i for i in ids if i in known)
    from dataclasses import replace

    return replace(config, select=kept["select"], ignore=kept["ignore"])


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[tuple[Callable[[int], None] | None,
                                                   Callable[[int, int], None] | None]]:
    """(on_discovered, progress) callbacks drawing a bar on stderr, or (None, None)."""
    if not enabled:
        yield None, None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    task: list[object] = []

    def discovered(total: int) -> None:
        if total >= PROGRESS_MIN_FILES:
            bar.start()
            task.append(bar.add_task("check", total=total))

    def advance(done: int, total: int) -> None:
        if task:
            bar.update(task[0], completed=done)  # type: ignore[arg-type]

    try:
        yield discovered, advance
    finally:
        if task:
            bar.stop()


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--select", metavar="IDS", help="Run only these rules (comma-separated ids).")
@click.option("--ignore", metavar="IDS", help="Do not run these rules (comma-separated ids).")
@click.option("--severity", type=click.Choice(["info", "warning", "error"]), default=None,
              help="Report only findings at or above this level (default: info, i.e. all).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--max-bytes", metavar="SIZE",
              help="Skip files larger than this (bytes, or like 2MiB; default 1MiB).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large trees (default: all usable CPUs).")
@click.option("--no-config", is_flag=True, help="Ignore [tool.realtime-skill] in pyproject.toml.")
@click.option("--show-notices", is_flag=True,
              help="Also list skipped files (binary, too large, not UTF-8, symlink loop...).")
@click.option("--force-exclude", is_flag=True,
              help="Apply the configured exclude globs and skipped directories to paths named on "
                   "the command line too (for pre-commit).")
@click.option("--skill", "skill_dir", type=click.Path(file_okay=False), default=None,
              help="Skill folder whose validations to run (default: the embedded skill).")
def command(paths: tuple[str, ...], select: str | None, ignore: str | None, severity: str | None,
            fmt: str, max_bytes: str | None, jobs: int | None, no_config: bool, show_notices: bool,
            force_exclude: bool, skill_dir: str | None) -> None:
    """Check JS/TS, Python and nginx files against the rules of references/validations.md.

    PATHS are files and directories (default: the current directory). Directories are
    walked respecting .gitignore; node_modules, virtualenvs, build output, binary,
    non-UTF-8 and over-size files are skipped with a notice (--show-notices lists them).
    A finding is silenced by a comment `realtime-skill: ignore[rule-id]` (or bare
    `realtime-skill: ignore`) on its line or alone on the line above.

    Settings come from [tool.realtime-skill] in the nearest pyproject.toml (keys:
    select, ignore, exclude, severity, max-bytes); options override them.

    \b
    --format json prints a JSON list; each finding is an object with exactly:
      rule        rule id (a heading id in references/validations.md)
      path        file path as walked (relative when PATHS are relative)
      line        1-based start line of the statement at fault
      column      1-based start column
      end_line    1-based end line
      end_column  1-based end column (exclusive)
      severity    "error", "warning" or "info"
      message     what is wrong
    --format sarif prints SARIF 2.1.0 for GitHub code scanning; --format github
    prints workflow annotations.

    Exit codes: 0 no finding at or above --severity, 1 findings, 2 usage or fatal error.
    """
    from ..check.config import DEFAULT_MAX_BYTES, CheckConfig, parse_size

    path_list = list(paths) or ["."]
    missing = [p for p in path_list if not os.path.lexists(p)]
    if missing:
        raise FatalError(f"{missing[0]}: no such file or directory")
    size_limit: int | None = None
    if max_bytes is not None:
        size_limit = parse_size(max_bytes)
        if size_limit is None:
            raise FatalError(f"--max-bytes: not a positive size: {max_bytes!r}")

    skill = _load_skill(skill_dir)
    known = {entry.id for entry in skill.by_kind("validation")}
    cli_select, cli_ignore = _ids(select), _ids(ignore)
    _check_ids("--select", cli_select, known)
    _check_ids("--ignore", cli_ignore, known)

    config = CheckConfig() if no_config else _load_config(path_list, known)
    config = config.override(select=cli_select, ignore=cli_ignore, severity=severity, max_bytes=size_limit)

    from ..check.output import render
    from ..check.runner import check_paths

    show_bar = sys.stderr.isatty()
    try:
        with _progress_bar(show_bar) as (on_discovered, progress):
            report = check_paths(
                path_list,
                skill=skill,
                select=config.select,
                ignore=config.ignore,
                severity=config.severity or "info",
                max_bytes=config.max_bytes or DEFAULT_MAX_BYTES,
                jobs=jobs,
                progress=progress,
                on_discovered=on_discovered,
                exclude=config.exclude,
                exclude_root=config.root,
                force_exclude=force_exclude,
            )
        active = set(config.select) if config.select is not None else set(known)
        active -= set(config.ignore or ())
        text = render(report, fmt, skill=skill, show_notices=show_notices, version=__version__,
                      rule_ids=active)
    except click.ClickException:
        raise
    except Exception as exc:  # a bug must still end in one line and exit 2, not a traceback
        raise FatalError(f"internal error: {exc.__class__.__name__}: {exc}") from exc
    click.echo(text, nl=False)
    # problems of the run itself (a rule that failed, an invalid rule, a missing path)
    # go to stderr whatever the format, so that they are not lost in a SARIF upload
    if not (show_notices and fmt == "text"):
        for problem in report.notices:
            if problem.severity != "info":
                click.echo(f"{problem.severity}: {problem.path}:{problem.line}: {problem.rule} {problem.message}",
                           err=True)
    raise click.exceptions.Exit(1 if report.findings else 0)
