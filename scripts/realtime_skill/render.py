"""Output formats over one list of Diagnostics: text, json, github, sarif.

Every command that reports problems (lint, check) renders through this table, so a
format behaves the same everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from .diagnostics import Diagnostic

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a renderer may say about a rule (SARIF `tool.driver.rules[]`)."""

    id: str
    short: str
    full: str = ""
    help_uri: str | None = None
    severity: str = "error"
    help_markdown: str = ""


@dataclass(frozen=True)
class RenderContext:
    tool_name: str = "realtime-skill"
    version: str = ""
    information_uri: str = "https://github.com/realtime-engineer/realtime-engineer"
    rules: tuple[RuleInfo, ...] = ()
    noun: str = "problem"
    files_checked: int | None = None
    extra: dict[str, object] = field(default_factory=dict)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def render_text(diags: list[Diagnostic], ctx: RenderContext) -> str:
    lines = []
    for d in sorted(diags, key=Diagnostic.sort_key):
        level = "" if d.severity == "error" else f" [{d.severity}]"
        lines.append(f"{d.path}:{d.line}:{d.column}: {d.rule}{level} {d.message}")
        if d.hint:
            lines.append(f"    hint: {d.hint}")
    counts = {s: sum(1 for d in diags if d.severity == s) for s in ("error", "warning", "info")}
    if diags:
        parts = [_plural(n, s) for s, n in counts.items() if n]
        summary = f"Found {_plural(len(diags), ctx.noun)} ({', '.join(parts)})"
    else:
        summary = f"No {ctx.noun}s found"
    if ctx.files_checked is not None:
        summary += f" in {_plural(ctx.files_checked, 'file')}"
    lines.append(summary + ".")
    return "\n".join(lines) + "\n"


def render_json(diags: list[Diagnostic], ctx: RenderContext) -> str:
    return json.dumps([d.to_dict() for d in sorted(diags, key=Diagnostic.sort_key)], indent=2) + "\n"


def _github_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(diags: list[Diagnostic], ctx: RenderContext) -> str:
    out = []
    for d in sorted(diags, key=Diagnostic.sort_key):
        props = [f"file={_github_escape(d.path, prop=True)}", f"line={d.line}", f"col={d.column}"]
        if d.end_line is not None:
            props.append(f"endLine={d.end_line}")
        if d.end_column is not None:
            props.append(f"endColumn={d.end_column}")
        props.append(f"title={_github_escape(f'{ctx.tool_name} ({d.rule})', prop=True)}")
        message = d.message + (f" ({d.hint})" if d.hint else "")
        out.append(f"::{GITHUB_LEVEL[d.severity]} {','.join(props)}::{_github_escape(message)}")
    return "\n".join(out) + ("\n" if out else "")


def sarif_document(diags: list[Diagnostic], ctx: RenderContext) -> dict[str, object]:
    known = {r.id: r for r in ctx.rules}
    for d in diags:  # rules the context did not describe still get a descriptor
        known.setdefault(d.rule, RuleInfo(d.rule, d.rule, severity=d.severity))
    rule_ids = sorted(known)
    index = {rid: i for i, rid in enumerate(rule_ids)}
    descriptors = []
    for rid in rule_ids:
        info = known[rid]
        desc: dict[str, object] = {
            "id": rid,
            "name": rid,
            "shortDescription": {"text": info.short or rid},
            "defaultConfiguration": {"level": SARIF_LEVEL.get(info.severity, "warning")},
        }
        if info.full:
            desc["fullDescription"] = {"text": info.full}
            desc["help"] = {"text": info.full, **({"markdown": info.help_markdown} if info.help_markdown else {})}
        if info.help_uri:
            desc["helpUri"] = info.help_uri
        descriptors.append(desc)
    results = []
    for d in sorted(diags, key=Diagnostic.sort_key):
        region: dict[str, int] = {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)}
        if d.end_line is not None:
            region["endLine"] = max(d.end_line, region["startLine"])
        if d.end_column is not None:
            region["endColumn"] = max(d.end_column, 1)
        message = d.message + (f" Hint: {d.hint}" if d.hint else "")
        results.append({
            "ruleId": d.rule,
            "ruleIndex": index[d.rule],
            "level": SARIF_LEVEL[d.severity],
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": d.path.replace("\\", "/"), "uriBaseId": "%SRCROOT%"},
                    "region": region,
                }
            }],
        })
    driver: dict[str, object] = {"name": ctx.tool_name, "informationUri": ctx.information_uri,
                                 "rules": descriptors}
    if ctx.version:
        driver["version"] = ctx.version
        driver["semanticVersion"] = ctx.version
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}],
    }


def render_sarif(diags: list[Diagnostic], ctx: RenderContext) -> str:
    return json.dumps(sarif_document(diags, ctx), indent=2) + "\n"


RENDERERS: dict[str, Callable[[list[Diagnostic], RenderContext], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}
