"""`realtime-skill lint [SKILL_DIR ...]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..diagnostics import SEVERITY_RANK, Diagnostic


@click.command("lint")
@click.argument("skill_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--coverage", "coverage_file", type=click.Path(dir_okay=False, path_type=Path),
              help="YAML file of required ids (sharp_edges/patterns/validations sections).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]), default="text",
              show_default=True)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--no-rules", is_flag=True, help="Skip running the validation rules against their examples.")
def command(skill_dirs: tuple[Path, ...], coverage_file: Path | None, fmt: str, strict: bool,
            no_rules: bool) -> int:
    """Lint skill folders (default: the embedded realtime-engineer skill).

    Checks the Agent Skills frontmatter and body, the reference file format and
    schema, ids and cross-references, links, that every js/ts/tsx/python/nginx code
    block parses, coverage of required ids, and that every validation rule flags its
    bad examples and none of its good ones.

    Exit codes: 0 no errors (warnings allowed unless --strict), 1 problems, 2 usage error.
    """
    from ..lint import LINT_RULES, lint_skill
    from ..loader import SkillNotFound
    from ..render import RENDERERS, RenderContext, RuleInfo

    coverage = _read_coverage(coverage_file) if coverage_file else None
    targets: list[Path | None] = list(skill_dirs) or [None]
    diags: list[Diagnostic] = []
    for target in targets:
        if target is not None and not target.is_dir():
            if target.is_file() and target.name.lower() == "skill.md":
                target = target.parent
            else:
                raise click.UsageError(f"{target}: not a skill folder")
        try:
            diags += lint_skill(target, coverage=coverage, run_rules=not no_rules)
        except SkillNotFound as exc:
            raise click.UsageError(str(exc)) from exc
    rules = tuple(RuleInfo(r.id, r.summary, severity=r.severity) for r in LINT_RULES.values())
    ctx = RenderContext(version=__version__, rules=rules)
    click.echo(RENDERERS[fmt](diags, ctx), nl=False)
    threshold = SEVERITY_RANK["warning"] if strict else SEVERITY_RANK["error"]
    return 1 if any(SEVERITY_RANK[d.severity] >= threshold for d in diags) else 0


def _read_coverage(path: Path) -> dict[str, Any]:
    from ..yamlutil import load_yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"{path}: cannot read coverage file: {exc}") from exc
    data, problems = load_yaml(text)
    if problems:
        p = problems[0]
        raise click.UsageError(f"{path}:{p.line}: {p.message}")
    if not isinstance(data, dict):
        raise click.UsageError(f"{path}: coverage file must be a mapping with sharp_edges/patterns/validations")
    return data
