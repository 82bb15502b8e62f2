"""`realtime-skill ask`, `show` and `route`: the JSON contract, usage errors, budgets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from realtime_skill.cli import cli

FIXTURE = str(Path(__file__).parent / "fixtures" / "search")
ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ask_json_contract() -> None:
    code, out, _ = run("ask", "--skill", FIXTURE, "--format", "json",
                       "websocket drops after exactly 60 seconds behind nginx")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["query", "triggered", "mode", "results"]
    assert data["query"] == "websocket drops after exactly 60 seconds behind nginx"
    assert data["triggered"] is True and data["mode"] == "diagnose"
    assert data["results"], data
    for item in data["results"]:
        assert list(item) == ["id", "kind", "title", "score"]
        assert isinstance(item["id"], str) and isinstance(item["title"], str)
        assert item["kind"] in ("sharp_edge", "pattern", "validation")
        assert isinstance(item["score"], float)
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)
    assert data["results"][0]["id"] == "proxy-idle-timeout"


def test_ask_json_off_topic_is_not_triggered_and_empty() -> None:
    code, out, _ = run("ask", "--skill", FIXTURE, "--format", "json", "how do I fix my CSS grid")
    assert code == 0
    assert json.loads(out) == {"query": "how do I fix my CSS grid", "triggered": False, "mode": "none",
                               "results": []}


@pytest.mark.parametrize("question", ["", "   ", "\t\n"])
def test_ask_empty_question_is_a_usage_error(question: str) -> None:
    code, out, err = run("ask", "--skill", FIXTURE, question)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "empty" in err


def test_ask_empty_question_exit_2_as_a_process() -> None:
    proc = subprocess.run([sys.executable, "-m", "realtime_skill", "ask", "--skill", FIXTURE, " "],
                          capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin",
                               "REALTIME_SKILL_NO_CACHE": "1"})
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_ask_text_lists_ids_titles_and_related() -> None:
    code, out, _ = run("ask", "--skill", FIXTURE, "--limit", "2", "ghost users stuck online")
    assert code == 0
    assert "1. ghost-presence" in out and "related: presence-with-ttl" in out
    assert "3. " not in out  # --limit 2


def test_ask_kind_filter() -> None:
    code, out, _ = run("ask", "--skill", FIXTURE, "--kind", "pattern", "--format", "json",
                       "websocket idle timeout heartbeat")
    assert code == 0
    assert {r["kind"] for r in json.loads(out)["results"]} == {"pattern"}


@pytest.mark.parametrize("budget", [1, 40, 120, 300, 5000])
def test_ask_budget_is_respected(budget: int) -> None:
    code, out, _ = run("ask", "--skill", FIXTURE, "--budget", str(budget),
                       "websocket drops after exactly 60 seconds behind nginx")
    assert code == 0
    assert len(out) <= budget * 4


def test_ask_budget_puts_best_entry_whole_first() -> None:
    _, out, _ = run("ask", "--skill", FIXTURE, "--budget", "5000",
                    "websocket drops after exactly 60 seconds behind nginx")
    assert out.startswith("## proxy-idle-timeout:")
    assert "### Prevent" in out  # whole, not an excerpt
    # room for the best entry and a pointer line, not for the second entry whole
    _, first, _ = run("show", "--skill", FIXTURE, "--format", "markdown", "proxy-idle-timeout")
    budget = (len(first) + 160) // 4
    _, small, _ = run("ask", "--skill", FIXTURE, "--budget", str(budget),
                      "websocket drops after exactly 60 seconds behind nginx")
    assert small.startswith(first) and "`realtime-skill show heartbeat`" in small
    assert "## heartbeat:" not in small and len(small) <= budget * 4


def test_show_prints_one_entry_and_json() -> None:
    code, out, _ = run("show", "--skill", FIXTURE, "heartbeat")
    assert code == 0 and out.startswith("## heartbeat: ")
    code, out, _ = run("show", "--skill", FIXTURE, "--format", "json", "ghost-presence")
    data = json.loads(out)
    assert code == 0 and data["id"] == "ghost-presence" and data["kind"] == "sharp_edge"
    assert data["related"] == ["presence-with-ttl"]


def test_show_unknown_id_suggests_close_ids() -> None:
    code, out, err = run("show", "--skill", FIXTURE, "heartbeet")
    assert code == 2 and out == ""
    assert err.strip() == "error: unknown id 'heartbeet'; did you mean heartbeat?"


def test_route_text_and_json() -> None:
    code, out, _ = run("route", "--skill", FIXTURE, "--format", "json", "how do I implement a websocket heartbeat")
    data = json.loads(out)
    assert code == 0 and list(data) == ["query", "triggered", "mode", "reasons"]
    assert data["triggered"] is True and data["mode"] == "create" and data["reasons"]
    code, out, _ = run("route", "--skill", FIXTURE, "how do I fix my CSS grid")
    assert code == 0 and "triggered: no" in out and "mode: none" in out
    code, _, err = run("route", "--skill", FIXTURE, "  ")
    assert code == 2 and "empty" in err


def test_question_from_stdin() -> None:
    from click.testing import CliRunner

    from realtime_skill.cli import cli

    result = CliRunner().invoke(cli, ["ask", "--format", "json", "-"],
                                input="websocket disconnects after exactly 60 seconds behind nginx\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["query"] == "websocket disconnects after exactly 60 seconds behind nginx"
    assert data["results"][0]["id"] == "proxy-idle-timeout"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_budget_conflicts_with_other_formats(fmt: str) -> None:
    from click.testing import CliRunner

    from realtime_skill.cli import cli

    result = CliRunner().invoke(cli, ["ask", "--budget", "500", "--format", fmt, "websocket drops"])
    assert result.exit_code == 2
    assert f"cannot be combined with --format {fmt}" in result.output


def test_list_fits_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from realtime_skill.commands import list_entries

    monkeypatch.setattr(list_entries, "_terminal_width", lambda: 60)
    from click.testing import CliRunner

    result = CliRunner().invoke(list_entries.command, [])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines and all(len(line) <= 60 for line in lines)
    monkeypatch.setattr(list_entries, "_terminal_width", lambda: 0)
    whole = CliRunner().invoke(list_entries.command, []).output.splitlines()
    assert any(len(line) > 60 for line in whole), os.linesep.join(whole[:3])


def test_route_shows_the_askers_words() -> None:
    from click.testing import CliRunner

    from realtime_skill.cli import cli

    result = CliRunner().invoke(cli, ["route", "my websockets keep disconnecting when the proxy restarts"])
    assert result.exit_code == 0
    assert "disconnecting" in result.output and "restarts" in result.output
    assert "disconnect," not in result.output
