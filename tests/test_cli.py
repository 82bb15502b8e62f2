from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import SARIF_SCHEMA

from realtime_skill import __version__
from realtime_skill.cli import cli, main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), standalone_mode=False, catch_exceptions=False)
    return (result.return_value if isinstance(result.return_value, int) else result.exit_code), result.output


def test_version_and_help() -> None:
    out = subprocess.run([sys.executable, "-m", "realtime_skill", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and __version__ in out.stdout
    out = subprocess.run([sys.executable, "-m", "realtime_skill", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "lint" in out.stdout


def test_lint_clean_fixture_exits_0(skill_dir: Path) -> None:
    code, out = run("lint", "--no-rules", str(skill_dir))
    assert code == 0, out
    assert out.strip() == "No problems found."


def test_lint_broken_fixture_exits_1_with_file_line(skill_dir: Path) -> None:
    path = skill_dir / "SKILL.md"
    path.write_text(path.read_text().replace("name: realtime-engineer", "name: Realtime"))
    code, out = run("lint", "--no-rules", "--format", "json", str(skill_dir))
    assert code == 1
    data = json.loads(out)
    assert any(d["rule"] == "name-case" and d["path"].endswith("SKILL.md") and d["line"] == 2 for d in data)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["lint", str(tmp_path / "missing")]) == 2
    assert main(["lint", "--format", "xml"]) == 2
    assert main(["no-such-command"]) == 2
    bad = tmp_path / "coverage.yaml"
    bad.write_text("a: [\n")
    assert main(["lint", "--coverage", str(bad)]) == 2


def test_no_traceback_on_binary_skill_file(skill_dir: Path) -> None:
    (skill_dir / "references" / "patterns.md").write_bytes(b"\x00\x01\x02binary")
    proc = subprocess.run([sys.executable, "-m", "realtime_skill", "lint", "--no-rules", str(skill_dir)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "references/patterns.md:1:1: not-utf8" in proc.stdout


def test_lint_sarif_validates(skill_dir: Path) -> None:
    import jsonschema

    schema_path = SARIF_SCHEMA
    (skill_dir / "SKILL.md").write_text((skill_dir / "SKILL.md").read_text().replace("name: realtime-engineer",
                                                                                     "name: Bad--Name"))
    code, out = run("lint", "--no-rules", "--format", "sarif", str(skill_dir))
    assert code == 1
    doc = json.loads(out)
    jsonschema.validate(doc, json.loads(schema_path.read_text()))
    assert {r["ruleId"] for r in doc["runs"][0]["results"]} >= {"name-case", "name-hyphens"}
    described = {r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert "name-case" in described and len(described) > 40


def test_every_listed_command_loads() -> None:
    from realtime_skill.cli import COMMANDS, cli

    for name in COMMANDS:
        assert cli.get_command(None, name) is not None, name  # type: ignore[arg-type]


def test_shell_completion_lists_lazy_commands() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "COMP_WORDS": "realtime-skill in", "COMP_CWORD": "1",
           "_REALTIME_SKILL_COMPLETE": "bash_complete"}
    proc = subprocess.run([sys.executable, "-c", "from realtime_skill.cli import main; main()"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert "plain,index" in proc.stdout.splitlines() and "plain,install" in proc.stdout.splitlines()
