"""Where the skill and the caches live. Import-light on purpose: the cold `ask` path
uses it without loading the model, the loader or the skill pickle."""

from __future__ import annotations

import os
from pathlib import Path

# Every file the loader reads, relative to the skill root, in a stable order.
INPUTS = ("SKILL.md", "references/sharp_edges.md", "references/patterns.md",
          "references/validations.md", "references/vocabulary.yaml")


class SkillNotFound(Exception):
    """The path is not a skill folder (no SKILL.md)."""


def embedded_skill_dir() -> Path:
    """The skill shipped with the package: `_skill/` inside an installed wheel, or
    the repository root when running from a checkout (editable install)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_skill", here.parent.parent):
        if (candidate / "SKILL.md").is_file():
            return candidate
    raise SkillNotFound(f"no embedded SKILL.md next to {here}")


def cache_dir() -> Path:
    base = os.environ.get("REALTIME_SKILL_CACHE")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "realtime-skill"


def caching_enabled() -> bool:
    return not os.environ.get("REALTIME_SKILL_NO_CACHE")


def cache_read(name: str) -> object | None:
    """The unpickled cache file `name`, or None (missing, corrupt or caching disabled).

    The cache only ever holds what this package wrote under the user's own cache dir.
    """
    if not caching_enabled():
        return None
    import pickle

    try:
        with (cache_dir() / name).open("rb") as handle:
            value: object = pickle.load(handle)
            return value
    except Exception:  # a missing, stale or corrupt cache is only a cache miss
        return None


def cache_write(name: str, value: object) -> None:
    """Write atomically (temp file + rename) so a concurrent reader never sees half a file."""
    if not caching_enabled():
        return
    import pickle
    import tempfile  # only when writing: it costs ~7 ms of imports (random, hashlib)

    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / name)
        _prune(directory, name.split("-", 1)[0] + "-")
    except OSError:
        pass  # a read-only cache directory only costs a rebuild next time


KEEP_PER_KIND = 8


def _prune(directory: Path, prefix: str) -> None:
    """Keys change with every edit of the skill or the code; keep the newest few files
    of a kind so the cache does not grow without bound."""
    files = sorted(directory.glob(f"{prefix}*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP_PER_KIND:]:
        old.unlink(missing_ok=True)
