from __future__ import annotations

import json

import jsonschema
from click.testing import CliRunner

from realtime_skill.cli import cli
from realtime_skill.export import export_document
from realtime_skill.loader import load_skill
from realtime_skill.schema import load_schema


def test_export_of_the_embedded_skill_validates() -> None:
    skill = load_skill()
    doc = export_document(skill)
    jsonschema.validate(doc, load_schema("export.schema.json"))
    assert [e["id"] for e in doc["entries"]] == list(skill.ids())
    assert doc["skill"]["name"] == "realtime-engineer"


def test_export_command_prints_the_same_document() -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.output)
    jsonschema.validate(doc, load_schema("export.schema.json"))
    schema = json.loads(CliRunner().invoke(cli, ["export", "--schema"]).output)
    assert schema["title"].startswith("realtime-skill export")


def test_schema_rejects_a_broken_export() -> None:
    doc = export_document(load_skill())
    doc["entries"].append({"id": "Bad Id", "kind": "nope"})
    try:
        jsonschema.validate(doc, load_schema("export.schema.json"))
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted an invalid entry")
