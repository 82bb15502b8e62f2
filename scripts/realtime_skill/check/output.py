"""How a CheckReport is written: text (like ruff), json, github annotations, SARIF.

The generic renderers of `realtime_skill.render` do the github and SARIF work; this
module adds what is particular to `check`: the summary line with file counts, the JSON
contract (exactly the keys in JSON_KEYS, no `hint`, so that consumers can rely on
them), the rule descriptors (help text from each entry's Why and Fix, a link to the
entry in references/validations.md) and skip notices as SARIF tool notifications.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic

if TYPE_CHECKING:
    from ..model import Entry, Skill
    from ..render import RuleInfo
    from .runner import CheckReport

FORMATS = ("text", "json", "github", "sarif")
JSON_KEYS = ("rule", "path", "line", "column", "end_line", "end_column", "severity", "message")
VALIDATIONS_URL = "https://github.com/realtime-engineer/realtime-engineer/blob/main/references/validations.md"


def finding_dict(d: Diagnostic) -> dict[str, object]:
    """One finding in the documented JSON shape: Diagnostic.to_dict without the hint."""
    full = d.to_dict()
    return {key: full[key] for key in JSON_KEYS}


def _section_text(entry: Entry, name: str) -> str:
    section = entry.section(name)
    return section.markdown.strip() if section is not None else ""


def rule_infos(skill: Skill, rule_ids: set[str] | None = None) -> tuple[RuleInfo, ...]:
    """SARIF rule descriptors for the skill's validations (all, or those in `rule_ids`)."""
    from ..render import RuleInfo

    infos = []
    for entry in skill.by_kind("validation"):
        if rule_ids is not None and entry.id not in rule_ids:
            continue
        why, fix = _section_text(entry, "Why"), _section_text(entry, "Fix")
        plain = "\n\n".join(part for part in (f"Why: {why}" if why else "", f"Fix: {fix}" if fix else "") if part)
        markdown = "\n\n".join(part for part in (f"**Why**\n\n{why}" if why else "",
                                                 f"**Fix**\n\n{fix}" if fix else "") if part)
        infos.append(RuleInfo(
            id=entry.id,
            short=entry.message or entry.title,
            full=plain or entry.title,
            help_uri=f"{VALIDATIONS_URL}#{entry.anchor}",
            severity=entry.severity or "warning",
            help_markdown=markdown,
        ))
    return tuple(infos)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def summary_line(report: CheckReport) -> str:
    counts = f"{_plural(report.files_checked, 'file')} checked, {report.files_skipped} skipped"
    if not report.findings:
        return f"All checks passed ({counts})."
    return (f"Found {_plural(len(report.findings), 'finding')} in "
            f"{_plural(report.files_with_findings, 'file')} ({counts}).")


def render_text(report: CheckReport, *, show_notices: bool = False) -> str:
    lines = [f"{d.path}:{d.line}:{d.column}: {d.rule} {d.message}" for d in report.findings]
    if show_notices:
        lines += [f"{d.path}:{d.line}:{d.column}: {d.rule} {d.message}" for d in report.notices]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def render_json(report: CheckReport, *, show_notices: bool = False) -> str:
    items = list(report.findings) + (list(report.notices) if show_notices else [])
    return json.dumps([finding_dict(d) for d in items], indent=2) + "\n"


def _sarif_path(path: str) -> str:
    # code scanning resolves locations against the repository root (%SRCROOT%)
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:
            return path
        if not rel.startswith(".."):
            return rel.replace(os.sep, "/")
    return path.replace(os.sep, "/")


def sarif_document(report: CheckReport, skill: Skill, *, version: str = "",
                   rule_ids: set[str] | None = None) -> dict[str, Any]:
    from ..render import RenderContext
    from ..render import sarif_document as generic

    def rebased(d: Diagnostic) -> Diagnostic:
        path = _sarif_path(d.path)
        if path == d.path:
            return d
        from dataclasses import replace

        return replace(d, path=path)

    findings = [rebased(d) for d in report.findings]
    ctx = RenderContext(version=version, rules=rule_infos(skill, rule_ids))
    document: dict[str, Any] = generic(findings, ctx)
    notifications = [{
        "level": "note" if d.severity == "info" else d.severity,
        "message": {"text": d.message},
        "descriptor": {"id": d.rule},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _sarif_path(d.path), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
        }}],
    } for d in report.notices]
    document["runs"][0]["invocations"] = [{
        "executionSuccessful": True,
        "toolExecutionNotifications": notifications,
    }]
    return document


def render_sarif(report: CheckReport, skill: Skill, *, version: str = "",
                 rule_ids: set[str] | None = None) -> str:
    return json.dumps(sarif_document(report, skill, version=version, rule_ids=rule_ids), indent=2) + "\n"


def render_github(report: CheckReport, *, show_notices: bool = False) -> str:
    from ..render import RenderContext
    from ..render import render_github as generic

    items = list(report.findings) + (list(report.notices) if show_notices else [])
    return generic(items, RenderContext())


def render(report: CheckReport, fmt: str, *, skill: Skill, show_notices: bool = False,
           version: str = "", rule_ids: set[str] | None = None) -> str:
    """The report in one of FORMATS."""
    if fmt == "json":
        return render_json(report, show_notices=show_notices)
    if fmt == "sarif":
        return render_sarif(report, skill, version=version, rule_ids=rule_ids)
    if fmt == "github":
        return render_github(report, show_notices=show_notices)
    return render_text(report, show_notices=show_notices)
