"""`standalone.py` answers from an installed skill folder with the standard library alone,
the same answers as `realtime-skill ask`; the index file it reads is data, checked on read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from realtime_skill.cli import main
from realtime_skill.lint import lint_skill
from realtime_skill.loader import load_skill
from realtime_skill.search import answer_from_index
from realtime_skill.search.index import get_index
from realtime_skill.search.indexfile import FILENAME, IndexFileError, dumps, loads, read, write
from realtime_skill.search.present import answer_json

QUESTIONS = [
    "websocket disconnects after exactly 60 seconds behind nginx",
    "how do I build presence with redis",
    "review my reconnect loop",
    "how do I fix my CSS grid",
]


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtualenv with nothing installed: no click, no yaml, no realtime_skill."""
    where = tmp_path_factory.mktemp("bare") / "venv"
    venv.EnvBuilder(with_pip=False).create(where)
    python = where / ("Scripts" if os.name == "nt" else "bin") / "python"
    probe = subprocess.run([str(python), "-c", "import yaml"], capture_output=True, text=True, timeout=30)
    assert probe.returncode != 0, "the bare venv must not see site packages"
    return python


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("agent")
    assert main(["install", "--dest", str(dest)]) == 0
    return dest / "realtime-engineer"


def _standalone(python: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = folder / "scripts" / "realtime_skill" / "standalone.py"
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([str(python), str(script), *args], capture_output=True, text=True, timeout=60,
                          env=env, cwd=folder.parent)


@pytest.mark.parametrize("question", QUESTIONS)
def test_same_answers_as_ask(bare_python: Path, installed: Path, question: str) -> None:
    proc = _standalone(bare_python, installed, "ask", "--format", "json", question)
    assert proc.returncode == 0, proc.stderr
    expected = answer_json(answer_from_index(get_index(load_skill()), question))
    assert json.loads(proc.stdout) == json.loads(json.dumps(expected))


def test_show_and_list(bare_python: Path, installed: Path) -> None:
    proc = _standalone(bare_python, installed, "show", "heartbeat")
    assert proc.returncode == 0, proc.stderr
    entry = load_skill().get("heartbeat")
    assert entry is not None
    assert proc.stdout.strip() == entry.markdown.strip()
    listing = _standalone(bare_python, installed, "list")
    assert len(listing.stdout.splitlines()) == len(load_skill().entries)


def test_unknown_id_suggests(bare_python: Path, installed: Path) -> None:
    proc = _standalone(bare_python, installed, "show", "proxy-idle-timeot")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "standalone: no entry 'proxy-idle-timeot'; did you mean proxy-idle-timeout?"


@pytest.mark.parametrize("content", ["{not json", '{"format": 1}', "[1, 2]", '{"format": 99}'])
def test_bad_index_file_is_one_line(bare_python: Path, installed: Path, tmp_path: Path, content: str) -> None:
    folder = tmp_path / "realtime-engineer"
    subprocess.run(["cp", "-r", str(installed), str(folder)], check=True, timeout=30)
    (folder / FILENAME).write_text(content, encoding="utf-8")
    proc = _standalone(bare_python, folder, "ask", "websocket drops")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert FILENAME in proc.stderr


def test_fifo_index_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "references").mkdir()
    os.mkfifo(tmp_path / FILENAME)
    with pytest.raises(IndexFileError, match="not a regular file"):
        read(tmp_path)


def test_round_trip_and_shape_checks() -> None:
    index = get_index(load_skill())
    assert loads(dumps(index)) == index
    data = json.loads(dumps(index))
    data["titles"] = data["titles"][:-1]
    with pytest.raises(IndexFileError, match="titles"):
        loads(json.dumps(data))
    data = json.loads(dumps(index))
    term = next(iter(data["postings"]))
    data["postings"][term] = "AAAAAP//AAAAAAAA"  # idf + one posting whose entry number is 65535
    with pytest.raises(IndexFileError, match="out of range"):
        loads(json.dumps(data))
    with pytest.raises(IndexFileError, match="not JSON"):
        loads("[" * 100_000)


def test_lint_fails_on_a_stale_index(skill_dir: Path) -> None:
    skill = load_skill(skill_dir)
    write(skill_dir, get_index(skill))
    assert not [d for d in lint_skill(skill_dir, run_rules=False) if d.rule.startswith("search-index")]
    ref = skill_dir / "references" / "sharp_edges.md"
    ref.write_text(ref.read_text(encoding="utf-8").replace("### Symptoms\n", "### Symptoms\n\nGhost sockets.\n", 1),
                   encoding="utf-8")
    stale = [d for d in lint_skill(skill_dir, run_rules=False) if d.rule == "search-index-stale"]
    assert stale and stale[0].severity == "error"
    proc = subprocess.run([sys.executable, "-m", "realtime_skill", "index", "--check", str(skill_dir)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "stale" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "realtime_skill", "index", str(skill_dir)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "written" in proc.stdout
    assert not [d for d in lint_skill(skill_dir, run_rules=False) if d.rule.startswith("search-index")]
