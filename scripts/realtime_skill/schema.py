"""The JSON Schemas shipped in `schemas/`, and validation of parsed entries against them."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from .diagnostics import Diagnostic
from .model import Entry

SCHEMA_FILES = ("entry.schema.json", "rule.schema.json", "export.schema.json")


def schema_text(name: str) -> str:
    return resources.files("realtime_skill").joinpath("schemas", name).read_text(encoding="utf-8")


@cache
def load_schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text(name))
    return data


def sections_for(kind: str) -> tuple[str, ...]:
    """Section names of a kind, read from the entry schema (their one definition)."""
    for clause in load_schema("entry.schema.json")["allOf"]:
        if clause["if"]["properties"]["kind"]["const"] == kind:
            return tuple(clause["then"]["properties"]["sections"]["const"])
    raise KeyError(kind)


def meta_keys_for(kind: str) -> tuple[str, ...]:
    props = load_schema("entry.schema.json")["$defs"][f"{kind}_meta"]["properties"]
    return tuple(props)


def entry_document(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind,
        "title": entry.title,
        "meta": entry.meta,
        "sections": [s.name for s in entry.sections],
    }


def _meta_key_line(entry: Entry, key: str) -> int:
    """File line of `key:` inside the entry's meta block (the block start if absent)."""
    lines = entry.markdown.split("\n")
    offset = entry.meta_line - entry.line
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for i in range(offset + 1, len(lines)):
        if lines[i].startswith("```"):
            break
        if pattern.match(lines[i]):
            return entry.line + i
    return entry.meta_line


@cache
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name))


def validate_entry(entry: Entry) -> list[Diagnostic]:
    """Schema problems of one entry, each pointed at the meta key or the heading."""
    validator = _validator("entry.schema.json")
    out: list[Diagnostic] = []
    for err in sorted(validator.iter_errors(entry_document(entry)), key=lambda e: list(e.path)):
        where = list(err.absolute_path)
        if where and where[0] == "sections":
            continue  # section order and presence get their own, clearer diagnostics
        line = entry.line
        if len(where) >= 2 and where[0] == "meta":
            line = _meta_key_line(entry, str(where[1]))
        elif where[:1] == ["meta"]:
            line = entry.meta_line
        field = ".".join(str(p) for p in where) or "entry"
        message = err.message
        if err.validator == "additionalProperties":
            message = f"{message}; allowed keys: {', '.join(_allowed(entry.kind))}"
        out.append(Diagnostic(entry.path, line, "schema", f"{entry.id}: {field}: {message}"))
    return out


def _allowed(kind: str) -> tuple[str, ...]:
    return meta_keys_for(kind)
