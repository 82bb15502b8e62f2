"""The whole knowledge base as one JSON document (schema: schemas/export.schema.json)."""

from __future__ import annotations

from typing import Any

from . import __version__
from .model import Entry, Skill

EXPORT_FORMAT = 1


def entry_record(entry: Entry) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": entry.id,
        "kind": entry.kind,
        "title": entry.title,
        "severity": entry.severity,
        "tags": list(entry.tags),
        "aliases": list(entry.aliases),
        "related": list(entry.related),
        "sources": [s.to_dict() for s in entry.sources],
        "versions": {str(k): str(v) for k, v in (entry.meta.get("versions") or {}).items()}
        if isinstance(entry.meta.get("versions"), dict) else {},
        "path": entry.path,
        "line": entry.line,
        "sections": [{"name": s.name, "markdown": s.markdown} for s in entry.sections],
    }
    if entry.kind == "validation":
        record["message"] = entry.message or ""
        record["rule"] = entry.rule or {}
        record["examples"] = [
            {"expect": ex.expect, "label": ex.label, "language": ex.block.language or "",
             "filename": ex.block.filename or "", "code": ex.block.code,
             "expected_lines": list(ex.expected_lines)}
            for ex in entry.examples
        ]
    return record


def export_document(skill: Skill) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "generator": f"realtime-skill {__version__}",
        "skill": {"name": skill.name, "description": skill.description, "version": skill.version},
        "entries": [entry_record(e) for e in skill.entries],
    }
