"""references/FORMAT.md documents exactly what the schema defines."""

from __future__ import annotations

import re

import pytest

from realtime_skill.loader import embedded_skill_dir
from realtime_skill.schema import load_schema, meta_keys_for, sections_for

KINDS = ("sharp_edge", "pattern", "validation")


@pytest.fixture(scope="module")
def format_doc() -> str:
    return (embedded_skill_dir() / "references" / "FORMAT.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_sections_row_matches_schema(format_doc: str, kind: str) -> None:
    row = re.search(rf"^\| `{kind}` \| (.+) \|$", format_doc, re.MULTILINE)
    assert row, f"FORMAT.md has no sections row for {kind}"
    assert tuple(re.findall(r"`([^`]+)`", row.group(1))) == sections_for(kind)


def test_metadata_table_matches_schema(format_doc: str) -> None:
    table = format_doc.split("## Metadata keys", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z]+)` \| ", table, re.MULTILINE))
    schema_keys = {k for kind in KINDS for k in meta_keys_for(kind)}
    assert documented == schema_keys


def test_severity_enums_are_documented(format_doc: str) -> None:
    defs = load_schema("entry.schema.json")["$defs"]
    for kind in ("sharp_edge", "validation"):
        for value in defs[f"{kind}_meta"]["properties"]["severity"]["enum"]:
            assert f"`{value}`" in format_doc
