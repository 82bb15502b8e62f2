"""`[tool.realtime-skill]` in pyproject.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_cli_support import write

from realtime_skill.check.config import CheckConfig, discover_config, find_pyproject, load_config, parse_size


def pyproject(directory: Path, body: str) -> Path:
    return write(directory / "pyproject.toml", body)


def test_reads_every_key(tmp_path: Path) -> None:
    path = pyproject(tmp_path, """
[project]
name = "x"

[tool.realtime-skill]
select = ["a-rule", "b-rule"]
ignore = ["b-rule"]
exclude = ["fixtures/", "*.gen.js"]
severity = "warning"
max-bytes = "2MiB"
""")
    config = load_config(path)
    assert config == CheckConfig(select=("a-rule", "b-rule"), ignore=("b-rule",),
                                 exclude=("fixtures/", "*.gen.js"), severity="warning",
                                 max_bytes=2 * 1024 * 1024, root=tmp_path, source=path)


def test_unknown_key_is_a_warning_on_its_line(tmp_path: Path) -> None:
    path = pyproject(tmp_path, '[tool.realtime-skill]\nseverity = "error"\nselct = ["x"]\n')
    config = load_config(path)
    assert config.severity == "error"
    [problem] = config.diagnostics
    assert (problem.rule, problem.severity, problem.line) == ("config-unknown-key", "warning", 3)
    assert "selct" in problem.message


@pytest.mark.parametrize(("body", "key"), [
    ('severity = "fatal"', "severity"),
    ("select = [1, 2]", "select"),
    ("max-bytes = -5", "max-bytes"),
    ("max-bytes = true", "max-bytes"),
    ('max-bytes = "lots"', "max-bytes"),
    ("exclude = {a = 1}", "exclude"),
])
def test_wrong_types_are_errors_and_the_value_is_not_used(tmp_path: Path, body: str, key: str) -> None:
    config = load_config(pyproject(tmp_path, f"[tool.realtime-skill]\n{body}\n"))
    [problem] = config.diagnostics
    assert problem.rule == "config-invalid" and problem.severity == "error"
    assert problem.message.startswith(key) and problem.line == 2
    assert config.severity is None and config.max_bytes is None and config.select is None


def test_invalid_toml_is_an_error_with_its_line(tmp_path: Path) -> None:
    config = discover_config([str(pyproject(tmp_path, "[tool.realtime-skill]\nselect = [\n\n= 3\n").parent)])
    [problem] = config.diagnostics
    assert problem.rule == "config-invalid" and problem.line == 4


def test_nearest_pyproject_with_the_table_wins(tmp_path: Path) -> None:
    outer = pyproject(tmp_path, '[tool.realtime-skill]\nseverity = "error"\n')
    pyproject(tmp_path / "pkg", '[project]\nname = "pkg"\n')  # no table: passed over
    inner_dir = tmp_path / "pkg" / "src"
    inner_dir.mkdir(parents=True)
    assert find_pyproject(inner_dir) == (outer, [])
    assert discover_config([str(inner_dir)]).severity == "error"
    nearer = pyproject(tmp_path / "pkg" / "src", '[tool.realtime-skill]\nseverity = "info"\n')
    assert find_pyproject(inner_dir / "a.js") == (nearer, [])


def test_no_pyproject_gives_the_empty_config(tmp_path: Path) -> None:
    # /tmp has no pyproject.toml above it in the test environment
    assert discover_config([str(tmp_path)]) == CheckConfig()


def test_command_line_values_override_the_file(tmp_path: Path) -> None:
    config = load_config(pyproject(tmp_path, '[tool.realtime-skill]\nselect = ["a"]\nseverity = "error"\n'))
    merged = config.override(select=None, ignore=["b"], severity="info", max_bytes=None)
    assert (merged.select, merged.ignore, merged.severity, merged.max_bytes) == (("a",), ("b",), "info", None)


@pytest.mark.parametrize(("text", "size"), [
    (1024, 1024), ("1048576", 1048576), ("1MiB", 1048576), ("2 MB", 2_000_000), ("500k", 500_000),
    ("1.5KiB", 1536), ("0", None), ("-1", None), ("1 parsec", None), ("", None),
])
def test_parse_size(text: int | str, size: int | None) -> None:
    assert parse_size(text) == size
