"""`realtime-skill check`: options, output contracts and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from check_cli_support import FIXTURE_SKILL, NOTE, SEND, install_fake_engine, write
from click.testing import CliRunner, Result
from conftest import SARIF_SCHEMA

from realtime_skill.check.output import JSON_KEYS, VALIDATIONS_URL
from realtime_skill.commands.check import command
from realtime_skill.model import github_anchor


@pytest.fixture(autouse=True)
def _engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    install_fake_engine(monkeypatch)
    monkeypatch.chdir(tmp_path)  # relative paths in output; no pyproject.toml above /tmp


def check(*args: str) -> Result:
    return CliRunner().invoke(command, ["--skill", str(FIXTURE_SKILL), *args])


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path / "src" / "client.js", "const ws = open();\nSEND(ws);\n  NOTE(1);\n")
    write(tmp_path / "src" / "server.py", "def f():\n    return 1\n")
    write(tmp_path / "src" / "blob.js", b"\x00\x01\x02")
    return tmp_path


def test_text_output_is_ruff_like_with_a_summary(tree: Path) -> None:
    result = check("src")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"src/client.js:2:1: {SEND} {SEND} message",
        f"src/client.js:3:3: {NOTE} {NOTE} message",
        "Found 2 findings in 1 file (2 files checked, 1 skipped).",
    ]


def test_clean_tree_exits_0(tree: Path) -> None:
    result = check("src/server.py")
    assert result.exit_code == 0
    assert result.output == "All checks passed (1 file checked, 0 skipped).\n"


def test_severity_threshold_decides_output_and_exit_code(tree: Path) -> None:
    result = check("--severity", "warning", "src")
    assert result.exit_code == 1 and NOTE not in result.output
    result = check("--severity", "error", "src")
    assert result.exit_code == 0 and "All checks passed" in result.output


def test_select_and_ignore(tree: Path) -> None:
    only_note = check("--select", NOTE, "src")
    assert SEND not in only_note.output and NOTE in only_note.output
    neither = check("--ignore", f"{SEND}, {NOTE}", "src")
    assert neither.exit_code == 0


@pytest.mark.parametrize("args", [
    ["--select", "no-such-rule"],
    ["--ignore", f"{SEND},nope"],
    ["missing-dir"],
    ["--max-bytes", "huge"],
    ["--jobs", "0"],
    ["--format", "xml"],
    ["--severity", "fatal"],
])
def test_usage_errors_exit_2_with_a_message(tree: Path, args: list[str]) -> None:
    result = check(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "Error" in result.output


def test_missing_skill_is_a_fatal_one_line_error(tree: Path) -> None:
    result = CliRunner().invoke(command, ["--skill", str(tree / "src"), "src"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "Error:" in result.output


def test_json_contract_has_exactly_the_documented_keys(tree: Path) -> None:
    result = check("--format", "json", "src")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert JSON_KEYS == ("rule", "path", "line", "column", "end_line", "end_column", "severity", "message")
    assert [tuple(item) for item in data] == [JSON_KEYS, JSON_KEYS]
    assert data[0] == {"rule": SEND, "path": "src/client.js", "line": 2, "column": 1, "end_line": 2,
                       "end_column": 6, "severity": "warning", "message": f"{SEND} message"}
    assert check("--format", "json", "src/server.py").output.strip() == "[]"


def test_json_lists_notices_only_on_request(tree: Path) -> None:
    plain = json.loads(check("--format", "json", "src").output)
    noisy = json.loads(check("--format", "json", "--show-notices", "src").output)
    assert len(noisy) == len(plain) + 1
    assert noisy[-1]["rule"] == "skipped-binary" and set(noisy[-1]) == set(JSON_KEYS)


def test_show_notices_in_text(tree: Path) -> None:
    result = check("--show-notices", "src")
    assert "src/blob.js:1:1: skipped-binary" in result.output


def test_sarif_validates_and_describes_rules_with_help_and_links(tree: Path) -> None:
    result = check("--format", "sarif", "src")
    assert result.exit_code == 1
    doc = json.loads(result.output)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(doc)
    run = doc["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {SEND, NOTE}
    send = rules[SEND]
    assert send["helpUri"] == f"{VALIDATIONS_URL}#fixture-send-unchecked-send-on-a-socket-that-may-not-be-open"
    assert "InvalidStateError" in send["help"]["text"] and "readyState" in send["help"]["text"]
    assert send["defaultConfiguration"]["level"] == "warning"
    assert rules[NOTE]["defaultConfiguration"]["level"] == "note"
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [(SEND, "warning"), (NOTE, "note")]
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "src/client.js"
    assert location["region"] == {"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 6}
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["skipped-binary"]


def test_sarif_lists_only_the_rules_that_ran(tree: Path) -> None:
    doc = json.loads(check("--format", "sarif", "--ignore", NOTE, "src").output)
    assert [r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]] == [SEND]


def test_github_annotations(tree: Path) -> None:
    lines = check("--format", "github", "src").output.splitlines()
    assert lines[0].startswith("::warning file=src/client.js,line=2,col=1,endLine=2,endColumn=6,title=")
    assert lines[1].startswith("::notice file=src/client.js,line=3,")


@pytest.mark.parametrize(("heading", "anchor"), [
    ("ws-no-backoff: Reconnect without `backoff`", "ws-no-backoff-reconnect-without-backoff"),
    ("nginx-upgrade: proxy_set_header Upgrade is missing (HTTP/1.1)", "nginx-upgrade-proxy_set_header-upgrade-is-missing-http11"),
])
def test_github_anchor(heading: str, anchor: str) -> None:
    assert github_anchor(heading) == anchor


def test_configuration_is_read_and_options_override_it(tree: Path) -> None:
    write(tree / "pyproject.toml", f'[tool.realtime-skill]\nignore = ["{NOTE}"]\nexclude = ["src/skip/"]\n'
                                   'severity = "info"\ncolour = "blue"\n')
    write(tree / "src" / "skip" / "x.js", "SEND(1)\n")
    result = check("src")
    assert result.exit_code == 1
    assert NOTE not in result.stdout and "skip/x.js" not in result.stdout
    assert "unknown key 'colour'" in result.stderr
    assert NOTE in check("--ignore", SEND, "src").stdout  # the option replaces the file's list
    everything = check("--no-config", "src").stdout
    assert NOTE in everything and "src/skip/x.js" in everything


def test_broken_configuration_exits_2(tree: Path) -> None:
    write(tree / "pyproject.toml", '[tool.realtime-skill]\nseverity = "loud"\n')
    result = check("src")
    assert result.exit_code == 2
    assert "pyproject.toml:2: severity" in result.output


def test_unknown_rule_in_configuration_warns_and_is_dropped(tree: Path) -> None:
    write(tree / "pyproject.toml", f'[tool.realtime-skill]\nselect = ["{SEND}", "retired-rule"]\n')
    result = check("src")
    assert result.exit_code == 1
    assert "unknown rule id 'retired-rule'" in result.stderr and NOTE not in result.stdout


def test_max_bytes_option(tree: Path) -> None:
    result = check("--max-bytes", "10", "--show-notices", "src")
    assert result.exit_code == 0 and "skipped-too-large" in result.output


def test_jobs_option_gives_the_same_result(tree: Path) -> None:
    for i in range(230):
        write(tree / "many" / f"m{i}.js", "SEND(1)\n" if i % 10 == 0 else "ok()\n")
    one = check("--jobs", "1", "--format", "json", "many")
    two = check("--jobs", "2", "--format", "json", "many")
    assert one.exit_code == two.exit_code == 1
    assert one.output == two.output and len(json.loads(one.output)) == 23


def test_engine_failures_are_reported_on_stderr_in_every_format(tree: Path) -> None:
    write(tree / "src" / "crash.js", "CRASH(1)\n")
    result = check("--format", "json", "src")
    assert result.exit_code == 1
    assert "error: src/crash.js:1: check-error" in result.stderr
    assert all(item["rule"] != "check-error" for item in json.loads(result.stdout))


REPO = Path(__file__).resolve().parents[1]


def _bad_examples() -> list[tuple[str, str, str, str, tuple[int, ...]]]:
    """(rule, file name, language, code, expected lines) of each validation's first bad example."""
    if not (REPO / "SKILL.md").is_file():
        return []
    from realtime_skill.codeparse import DEFAULT_SUFFIX
    from realtime_skill.loader import load_skill

    out = []
    for entry in load_skill(REPO, use_cache=False).by_kind("validation"):
        bad = [e for e in entry.examples if e.expect == "bad" and e.expected_lines]
        if bad:
            block = bad[0].block
            name = block.filename or f"example{DEFAULT_SUFFIX.get(block.language or '', '.txt')}"
            out.append((entry.id, name, block.language or "", block.code, bad[0].expected_lines))
    return out


@pytest.mark.skipif(not _bad_examples(), reason="the repository's validations are not written yet")
def test_real_rules_end_to_end_with_suppressions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import realtime_skill.check as package
    from realtime_skill.check.engine import check_text
    from realtime_skill.check.rules import compile_rules

    monkeypatch.setattr(package, "check_text", check_text)  # the real engine, not the stand-in
    monkeypatch.setattr(package, "compile_rules", compile_rules)
    examples = _bad_examples()
    for rule, name, _, code, _ in examples:
        write(tmp_path / "plain" / rule / name, code)
    result = CliRunner().invoke(command, ["--skill", str(REPO), "--format", "json", "plain"])
    assert result.exit_code == 1, result.output
    found = {(d["rule"], d["path"], d["line"]) for d in json.loads(result.stdout)}
    for rule, name, _, _, lines in examples:
        for line in lines:
            assert (rule, f"plain/{rule}/{name}", line) in found
    # the same files with a directive alone on the line above each expected finding
    for rule, name, language, code, lines in examples:
        marker = "#" if language in ("python", "nginx") else "//"
        out: list[str] = []
        for number, text in enumerate(code.split("\n"), 1):
            if number in lines:
                indent = text[: len(text) - len(text.lstrip())]
                out.append(f"{indent}{marker} realtime-skill: ignore[{rule}]")
            out.append(text)
        write(tmp_path / "quiet" / rule / name, "\n".join(out))
    quiet = CliRunner().invoke(command, ["--skill", str(REPO), "--format", "json", "quiet"])
    remaining = {(d["rule"], d["path"]) for d in json.loads(quiet.stdout)}
    assert not {(rule, f"quiet/{rule}/{name}") for rule, name, *_ in examples} & remaining
