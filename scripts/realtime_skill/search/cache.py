"""Find a skill's search index on disk without loading the skill.

A cold `realtime-skill ask` answers from the index alone (it holds what the text and
JSON output show), so this module imports neither the model nor the loader: their
dataclasses and the skill pickle cost about 25 ms of a 150 ms budget. The index is
keyed by the bytes of the files the loader reads plus the code that builds it, so an
edited entry, vocabulary or tokeniser always means a rebuild.

Paths come from `realtime_skill.paths`, the same small module the loader uses.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Any

from .. import __version__
from ..paths import INPUTS as _INPUTS
from ..paths import SkillNotFound, cache_dir, cache_read, cache_write, caching_enabled, embedded_skill_dir

__all__ = ["cache_dir", "content_key", "read", "skill_root", "write"]

INDEX_FORMAT = 9
_CODE = ("index.py", "text.py", "cache.py")


def skill_root(path: str | os.PathLike[str] | None) -> Path | None:
    """The skill folder for `path` (None: the embedded skill), or None if there is none."""
    if path is not None:
        root = Path(path).resolve()
        if root.is_file() and root.name.lower() == "skill.md":
            root = root.parent
        return root if root.is_dir() else None
    try:
        return embedded_skill_dir()
    except SkillNotFound:
        return None


def content_key(root: Path) -> str:
    """Length and CRC-32 of every input (hashlib would add ~5 ms of OpenSSL start-up to
    each cold run; this key only has to notice edits, not resist an attacker)."""
    parts = [str(INDEX_FORMAT), __version__, str(root)]
    here = Path(__file__).resolve().parent
    paths = [root / rel for rel in _INPUTS] + [here / name for name in _CODE]
    if not paths[0].is_file():
        paths[0] = root / "skill.md"
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{len(data):x}.{zlib.crc32(data):08x}")
    text = "/".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text):x}"


enabled = caching_enabled


def read(key: str) -> Any | None:
    """The unpickled index for `key`, or None (missing, corrupt or caching disabled)."""
    return cache_read(f"search-{key}.pickle")


def write(key: str, value: object) -> None:
    cache_write(f"search-{key}.pickle", value)
