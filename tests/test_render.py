from __future__ import annotations

import json

import jsonschema
from conftest import SARIF_SCHEMA

from realtime_skill.diagnostics import Diagnostic
from realtime_skill.render import RENDERERS, RenderContext, RuleInfo

DIAGS = [
    Diagnostic("SKILL.md", 2, "name-case", "name 'X' must be lowercase", hint="use 'x'"),
    Diagnostic("references/a, b.md", 7, "reference-toc", "lacks: a\nb", severity="warning", column=3),
    Diagnostic("x.py", 1, "info-rule", "note 100%", severity="info", end_line=2, end_column=4),
]
CTX = RenderContext(version="9.9.9", rules=(RuleInfo("name-case", "Name must be lowercase", "Long text.",
                                                     "https://example.com/r#name-case"),))


def test_text_is_path_line_col_rule_message() -> None:
    out = RENDERERS["text"](DIAGS, CTX).splitlines()
    assert out[0] == "SKILL.md:2:1: name-case name 'X' must be lowercase"
    assert out[1] == "    hint: use 'x'"
    assert out[-1] == "Found 3 problems (1 error, 1 warning, 1 info)."
    assert RENDERERS["text"]([], CTX) == "No problems found.\n"


def test_json_is_a_list_of_diagnostics() -> None:
    data = json.loads(RENDERERS["json"](DIAGS, CTX))
    assert [d["rule"] for d in data] == ["name-case", "reference-toc", "info-rule"]
    assert data[2]["end_line"] == 2 and data[0]["end_line"] == 2


def test_github_escapes_properties_and_newlines() -> None:
    lines = RENDERERS["github"](DIAGS, CTX).splitlines()
    assert lines[0].startswith("::error file=SKILL.md,line=2,col=1,")
    assert "file=references/a%2C b.md" in lines[1] and "lacks: a%0Ab" in lines[1]
    assert lines[2].startswith("::notice ") and "note 100%25" in lines[2]


def test_sarif_validates_against_the_official_schema() -> None:
    doc = json.loads(RENDERERS["sarif"](DIAGS, CTX))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    run = doc["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["info-rule", "name-case", "reference-toc"]
    assert run["results"][0]["ruleId"] == "name-case"
    assert run["tool"]["driver"]["rules"][1]["helpUri"].endswith("#name-case")
