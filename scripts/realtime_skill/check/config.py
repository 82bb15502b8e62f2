"""`[tool.realtime-skill]` in pyproject.toml: the project's defaults for `check`.

Lookup follows ruff: starting at the directory of the first path checked, the nearest
pyproject.toml that has a `[tool.realtime-skill]` table is the configuration; a
pyproject.toml without the table is passed over, so a sub-package's packaging file
does not hide the repository's settings. Problems are Diagnostics (an unknown key is
a warning, a wrong type or unreadable TOML an error), never exceptions.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..diagnostics import SEVERITY_RANK, Diagnostic

TABLE = "realtime-skill"
DEFAULT_MAX_BYTES = 1024 * 1024
KNOWN_KEYS = ("select", "ignore", "exclude", "severity", "max-bytes")


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """Settings for one run. `None` means "not set here": a later layer or the default
    decides. `root` is the directory `exclude` globs are relative to."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    severity: str | None = None
    max_bytes: int | None = None
    root: Path | None = None
    source: Path | None = None  # the pyproject.toml read, if any
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    def override(
        self,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        severity: str | None = None,
        max_bytes: int | None = None,
    ) -> CheckConfig:
        """Command-line values win over the file's; an unset flag keeps the file's."""
        return replace(
            self,
            select=tuple(select) if select is not None else self.select,
            ignore=tuple(ignore) if ignore is not None else self.ignore,
            severity=severity if severity is not None else self.severity,
            max_bytes=max_bytes if max_bytes is not None else self.max_bytes,
        )


def find_pyproject(start: Path) -> tuple[Path | None, list[Diagnostic]]:
    """The nearest pyproject.toml at or above `start` holding `[tool.realtime-skill]`."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if not candidate.is_file():
            continue
        data, problems = _read_toml(candidate)
        if problems:
            return candidate, problems
        tool = data.get("tool")
        if isinstance(tool, dict) and TABLE in tool:
            return candidate, []
    return None, []


def _read_toml(path: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle), []
    except OSError as exc:
        return {}, [Diagnostic(str(path), 1, "config-invalid", f"cannot read {path.name}: {exc.strerror}")]
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(str(exc))
        return {}, [Diagnostic(str(path), line, "config-invalid", f"invalid TOML: {exc}")]


def _toml_error_line(message: str) -> int:
    # tomllib puts the position only in the text: "... (at line 3, column 7)"
    marker = "at line "
    at = message.rfind(marker)
    if at < 0:
        return 1
    digits = ""
    for ch in message[at + len(marker):]:
        if not ch.isdigit():
            break
        digits += ch
    return int(digits) if digits else 1


def _key_line(text: str, key: str) -> int:
    """Line of `key =` inside the `[tool.realtime-skill]` table, for messages."""
    in_table = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("["):
            in_table = line.replace(" ", "") in (f"[tool.{TABLE}]", f'[tool."{TABLE}"]')
            continue
        if in_table and line.split("=", 1)[0].strip().strip('"') == key:
            return number
    return 1


def load_config(path: Path) -> CheckConfig:
    """Read `[tool.realtime-skill]` from one pyproject.toml (a missing table is empty)."""
    data, problems = _read_toml(path)
    if problems:
        return CheckConfig(root=path.parent, source=path, diagnostics=tuple(problems))
    tool = data.get("tool", {})
    table = tool.get(TABLE, {}) if isinstance(tool, dict) else {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    return parse_table(table, path, text)


def parse_table(table: Any, path: Path, text: str = "") -> CheckConfig:
    """Validate the table's values; keep the valid ones, report the rest."""
    where = str(path)
    diags: list[Diagnostic] = []
    if not isinstance(table, dict):
        diags.append(Diagnostic(where, _key_line(text, TABLE), "config-invalid",
                                f"[tool.{TABLE}] must be a table"))
        return CheckConfig(root=path.parent, source=path, diagnostics=tuple(diags))

    def bad(key: str, message: str) -> None:
        diags.append(Diagnostic(where, _key_line(text, key), "config-invalid", f"{key}: {message}"))

    def strings(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            bad(key, "must be a list of strings")
            return None
        return tuple(v.strip() for v in value if v.strip())

    for key in table:
        if key not in KNOWN_KEYS:
            diags.append(Diagnostic(where, _key_line(text, key), "config-unknown-key",
                                    f"unknown key {key!r} in [tool.{TABLE}] (known: {', '.join(KNOWN_KEYS)})",
                                    severity="warning"))
    select = strings("select")
    ignore = strings("ignore")
    exclude = strings("exclude") or ()
    severity = table.get("severity")
    if severity is not None and severity not in SEVERITY_RANK:
        bad("severity", f"must be one of {', '.join(SEVERITY_RANK)}, not {severity!r}")
        severity = None
    max_bytes = table.get("max-bytes")
    if max_bytes is not None:
        parsed = parse_size(max_bytes) if isinstance(max_bytes, (int, str)) and not isinstance(max_bytes, bool) else None
        if parsed is None:
            bad("max-bytes", f"must be a positive size in bytes (or like \"2MiB\"), not {max_bytes!r}")
        max_bytes = parsed
    return CheckConfig(select=select, ignore=ignore, exclude=exclude, severity=severity,
                       max_bytes=max_bytes, root=path.parent, source=path, diagnostics=tuple(diags))


_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2,
          "mib": 1024**2, "g": 1000**3, "gb": 1000**3, "gib": 1024**3}


def parse_size(value: int | str) -> int | None:
    """`1048576`, `"1MiB"`, `"500k"` -> bytes; None when it is not a positive size."""
    if isinstance(value, int):
        return value if value > 0 else None
    text = value.strip().lower().replace("_", "")
    number = text.rstrip("abcdefghijklmnopqrstuvwxyz ")
    unit = text[len(number):].strip()
    if unit not in _UNITS:
        return None
    try:
        amount = float(number)
    except ValueError:
        return None
    size = int(amount * _UNITS[unit])
    return size if size > 0 else None


def discover_config(paths: Sequence[str | Path]) -> CheckConfig:
    """The configuration for a run over `paths` (looked up from the first one)."""
    start = Path(paths[0]) if paths else Path.cwd()
    found, problems = find_pyproject(start if start.exists() else Path.cwd())
    if problems:
        root = found.parent if found is not None else None
        return CheckConfig(root=root, source=found, diagnostics=tuple(problems))
    if found is None:
        return CheckConfig()
    return load_config(found)
