"""Find the files `check` reads: walk directories, honour .gitignore, skip what is not code.

What is skipped, and how it is said:
- Directories that never hold the project's own code (VCS metadata, node_modules,
  virtualenvs: `.venv`, `venv`, any directory with a `pyvenv.cfg`, caches, dist/build
  output) and paths matched by a `.gitignore` at any level (plus the repository's
  `.git/info/exclude` and the `.gitignore` files between the repository root and the
  directory walked) or by the configuration's `exclude` globs: silently, as git and
  ruff do.
- Files whose language is not one `check` knows: silently when found by walking; a
  named file gets a `skipped-unknown-language` notice.
- Files over `max_bytes` (`skipped-too-large`, decided from `stat`, so a 50 MB file is
  never read), symlink loops (`skipped-symlink-loop`), broken links, permission errors
  (`skipped-unreadable`): a notice Diagnostic each. Binary and non-UTF-8 files are
  found when the file is read (see `runner.read_source`).

A path named on the command line is always checked when its language is known, even
if a .gitignore or a skipped directory would hide it (pre-commit passes staged files
by name); `force_exclude` makes the configuration's `exclude` and the skipped
directories apply to named paths too.

Which files are nginx configuration: `nginx.conf`, `*.nginx`; `*.conf` and
`*.conf.template` files under a directory whose name contains "nginx" or is
`sites-available`/`sites-enabled`; extension-less files directly in those two. The
directories considered are those below the walked path (a checkout that happens to
live in `~/nginx-notes/` does not make every `.conf` in it nginx). Any other `*.conf`
found by walking is a candidate whose content decides (`looks_like_nginx`: a `server`,
`location`, `upstream`, `http`, `events` or `map` block and an nginx directive),
because `.conf` is shared by supervisord, fontconfig, redis and many more. A `*.conf`
named on the command line is nginx.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..codeparse import SUFFIX_LANGUAGES
from ..diagnostics import Diagnostic

# Directory names that hold dependencies, caches or build output, never sources to review.
SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", ".jj", "node_modules", "bower_components", "jspm_packages",
    "__pycache__", ".venv", "venv", ".tox", ".nox", ".eggs", ".mypy_cache", ".pytest_cache",
    ".ruff_cache", ".hypothesis", "dist", "build", ".next", ".nuxt", ".svelte-kit", ".turbo",
    ".parcel-cache", ".output", ".vercel", ".serverless", ".terraform", "coverage", ".nyc_output",
})
NGINX_DIR_NAMES = frozenset({"sites-available", "sites-enabled"})
SNIFF_LANGUAGE = "nginx?"  # a *.conf whose content decides whether it is nginx

_NGINX_BLOCK = re.compile(r"(?m)^[ \t]*(?:server|http|events|location[ \t]+[^{;\n]+|upstream[ \t]+\S+|map[ \t]+[^{;\n]+)[ \t]*\{")
_NGINX_DIRECTIVE = re.compile(
    r"(?m)^[ \t]*(?:listen|server_name|proxy_pass|proxy_set_header|proxy_http_version|root|"
    r"return|rewrite|include|try_files|fastcgi_pass|uwsgi_pass|grpc_pass|keepalive_timeout)[ \t]"
)


@dataclass(frozen=True, slots=True)
class Target:
    """A file to read: where it is, how to report it, and which language it is."""

    path: str  # to open
    display: str  # as reported (relative when the walk started from a relative path)
    language: str  # canonical language, or SNIFF_LANGUAGE
    explicit: bool = False


@dataclass(frozen=True, slots=True)
class Discovery:
    targets: tuple[Target, ...]
    notices: tuple[Diagnostic, ...]


def looks_like_nginx(text: str) -> bool:
    """An nginx block (`server {`, `location /x {` ...) and an nginx directive."""
    return _NGINX_BLOCK.search(text) is not None and _NGINX_DIRECTIVE.search(text) is not None


def _nginx_dir(parts: Sequence[str]) -> bool:
    return any("nginx" in part.lower() or part in NGINX_DIR_NAMES for part in parts)


def language_for_path(path: str, *, explicit: bool = False) -> str | None:
    """The language `check` reads a file as (SNIFF_LANGUAGE: decide from its content)."""
    norm = path.replace("\\", "/")
    parts = norm.split("/")
    name = parts[-1].lower()
    parents = parts[:-1]
    root, suffix = os.path.splitext(name)
    if name == "nginx.conf" or suffix == ".nginx":
        return "nginx"
    if suffix == ".conf" or (suffix == ".template" and root.endswith(".conf")):
        if explicit or _nginx_dir(parents):
            return "nginx"
        return SNIFF_LANGUAGE if suffix == ".conf" else None
    if suffix in SUFFIX_LANGUAGES:
        return SUFFIX_LANGUAGES[suffix]
    if not suffix and parents and parents[-1] in NGINX_DIR_NAMES:
        return "nginx"
    return None


def notice(path: str, rule: str, message: str, severity: str = "info") -> Diagnostic:
    return Diagnostic(path, 1, rule, message, severity=severity)  # type: ignore[arg-type]


class _Ignores:
    """The .gitignore specs in force for one directory, outermost first."""

    __slots__ = ("specs",)

    def __init__(self, specs: tuple[tuple[str, Any], ...] = ()) -> None:
        self.specs = specs  # (absolute base directory + "/", GitIgnoreSpec)

    def with_file(self, directory: str, gitignore: str) -> _Ignores:
        spec = _load_spec(gitignore)
        if spec is None:
            return self
        return _Ignores((*self.specs, (directory.rstrip("/") + "/", spec)))

    def ignored(self, absolute: str, is_dir: bool) -> bool:
        # git: the deepest file with a matching pattern decides (negations included)
        for base, spec in reversed(self.specs):
            if not absolute.startswith(base):
                continue
            rel = absolute[len(base):] + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                return bool(result.include)
        return False


def _load_spec(path: str) -> Any:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    lines = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def _repo_root(directory: str) -> str | None:
    for candidate in (directory, *map(str, Path(directory).parents)):
        if os.path.exists(os.path.join(candidate, ".git")):
            return candidate
    return None


def _ancestor_ignores(directory: str) -> _Ignores:
    """The .gitignore files above a walk root, from the repository root down."""
    root = _repo_root(directory)
    ignores = _Ignores()
    if root is None:
        return ignores
    ignores = ignores.with_file(root, os.path.join(root, ".git", "info", "exclude"))
    chain = [directory]
    current = directory
    while current != root:
        current = os.path.dirname(current)
        chain.append(current)
    for folder in reversed(chain[1:]):  # the walk root's own file is read by the walk
        ignores = ignores.with_file(folder, os.path.join(folder, ".gitignore"))
    return ignores


# (path to open, display path, absolute path, real path, ignores, real paths of the
# directories on the way down: a link to one of them is a loop, path below the walk root)
_Frame = tuple[str, str, str, str, _Ignores, frozenset[str], str]


class Walker:
    """One discovery run; collects targets and notices."""

    def __init__(self, *, max_bytes: int, exclude: Sequence[str] = (), exclude_root: str | None = None,
                 force_exclude: bool = False, respect_gitignore: bool = True) -> None:
        self.max_bytes = max_bytes
        self.force_exclude = force_exclude
        self.respect_gitignore = respect_gitignore
        self.targets: list[Target] = []
        self.notices: list[Diagnostic] = []
        self.seen_files: set[str] = set()
        self.seen_dirs: set[str] = set()
        self.exclude: Any = None
        self.exclude_root = os.path.abspath(exclude_root or os.getcwd()).rstrip("/") + "/"
        patterns = [p for p in exclude if p.strip()]
        if patterns:
            from pathspec import GitIgnoreSpec

            self.exclude = GitIgnoreSpec.from_lines(patterns)

    def excluded(self, absolute: str, is_dir: bool) -> bool:
        if self.exclude is None or not absolute.startswith(self.exclude_root):
            return False
        rel = absolute[len(self.exclude_root):] + ("/" if is_dir else "")
        return bool(self.exclude.match_file(rel))

    # -- named paths ------------------------------------------------------------------

    def add_path(self, given: str) -> None:
        display = _clean_display(given)
        absolute = os.path.abspath(given)
        try:
            info = os.stat(given)
        except OSError as exc:
            self._stat_failed(display, given, exc, named=True)
            return
        if stat.S_ISDIR(info.st_mode):
            if self.force_exclude and (self.excluded(absolute, True) or _skip_dir_name(absolute)):
                return
            real = os.path.realpath(given)
            if real in self.seen_dirs:
                return
            self.seen_dirs.add(real)
            ignores = _ancestor_ignores(absolute) if self.respect_gitignore else _Ignores()
            self._walk(given, display, absolute, real, ignores)
            return
        if self.force_exclude and (self.excluded(absolute, False) or _in_skipped_dir(absolute)):
            return
        language = language_for_path(absolute, explicit=True)
        if language is None:
            self.notices.append(notice(display, "skipped-unknown-language",
                                       "not a JavaScript, TypeScript, Python or nginx file"))
            return
        self._add_file(given, display, language, info, explicit=True)

    # -- walking ----------------------------------------------------------------------

    def _walk(self, path: str, display: str, absolute: str, real: str, ignores: _Ignores) -> None:
        # iterative: deep trees must not hit the recursion limit
        stack: list[_Frame] = [(path, display, absolute, real, ignores, frozenset({real}), "")]
        while stack:
            path, display, absolute, real, ignores, chain, below = stack.pop()
            if self.respect_gitignore:
                ignores = ignores.with_file(absolute, os.path.join(path, ".gitignore"))
            try:
                with os.scandir(path) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                self.notices.append(notice(display, "skipped-unreadable",
                                           f"cannot list directory: {_reason(exc)}"))
                continue
            subdirs: list[_Frame] = []
            for entry in entries:
                child_display = entry.name if display == "." else f"{display}/{entry.name}"
                child_abs = f"{absolute.rstrip('/')}/{entry.name}"
                try:
                    is_dir = entry.is_dir(follow_symlinks=True)
                except OSError:
                    is_dir = False
                if is_dir:
                    found = self._enter(entry, child_display, child_abs, real, ignores, chain,
                                        f"{below}{entry.name}/")
                    if found is not None:
                        subdirs.append(found)
                    continue
                if self.respect_gitignore and ignores.ignored(child_abs, False):
                    continue
                if self.excluded(child_abs, False):
                    continue
                # judged on the path below the walk root: a checkout in ~/nginx-notes/
                # does not make every .conf in it nginx
                language = language_for_path(f"{below}{entry.name}")
                if language is None:
                    continue
                try:
                    info = entry.stat(follow_symlinks=True)
                except OSError as exc:
                    self._stat_failed(child_display, entry.path, exc, named=False)
                    continue
                if not stat.S_ISREG(info.st_mode):
                    continue  # fifos, sockets, devices: reading could block forever
                self._add_file(entry.path, child_display, language, info, explicit=False)
            stack.extend(reversed(subdirs))

    def _enter(self, entry: os.DirEntry[str], display: str, absolute: str, parent_real: str,
               ignores: _Ignores, chain: frozenset[str], below: str) -> _Frame | None:
        name = entry.name
        if name in SKIP_DIRS:
            return None
        if self.respect_gitignore and ignores.ignored(absolute, True):
            return None
        if self.excluded(absolute, True):
            return None
        if os.path.exists(os.path.join(entry.path, "pyvenv.cfg")):
            return None  # a virtualenv under any name
        if entry.is_symlink():
            real = os.path.realpath(entry.path)
            if real in chain or parent_real == real or parent_real.startswith(real.rstrip("/") + "/"):
                self.notices.append(notice(display, "skipped-symlink-loop",
                                           f"symbolic link to {real}, a directory that contains it; not followed"))
                return None
        else:
            real = f"{parent_real.rstrip('/')}/{name}"
        if real in self.seen_dirs:
            return None  # reached twice through links: checked once
        self.seen_dirs.add(real)
        return entry.path, display, absolute, real, ignores, chain | {real}, below

    def _add_file(self, path: str, display: str, language: str, info: os.stat_result, *,
                  explicit: bool) -> None:
        key = f"{info.st_dev}:{info.st_ino}"
        if key in self.seen_files:
            return
        self.seen_files.add(key)
        if info.st_size > self.max_bytes:
            self.notices.append(notice(display, "skipped-too-large",
                                       f"{_size(info.st_size)} is over the limit of "
                                       f"{_size(self.max_bytes)} (--max-bytes)"))
            return
        self.targets.append(Target(path, display, language, explicit))

    def _stat_failed(self, display: str, path: str, exc: OSError, *, named: bool) -> None:
        if exc.errno == errno.ELOOP:
            self.notices.append(notice(display, "skipped-symlink-loop",
                                       "symbolic link loop; not followed"))
        elif exc.errno == errno.ENOENT and os.path.islink(path):
            self.notices.append(notice(display, "skipped-unreadable", "broken symbolic link"))
        elif named and exc.errno == errno.ENOENT:
            self.notices.append(notice(display, "path-not-found", "no such file or directory",
                                       severity="error"))
        else:
            self.notices.append(notice(display, "skipped-unreadable", f"{_reason(exc)}"))


def _skip_dir_name(absolute: str) -> bool:
    return os.path.basename(absolute.rstrip("/")) in SKIP_DIRS


def _in_skipped_dir(absolute: str) -> bool:
    return any(part in SKIP_DIRS for part in absolute.split("/")[:-1])


def _clean_display(given: str) -> str:
    text = given.replace("\\", "/")
    while text.startswith("./") and len(text) > 2:
        text = text[2:]
    return text.rstrip("/") or "/"


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _size(n: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}"
    return f"{n} bytes"


def discover(paths: Iterable[str | os.PathLike[str]], *, max_bytes: int, exclude: Sequence[str] = (),
             exclude_root: str | None = None, force_exclude: bool = False,
             respect_gitignore: bool = True) -> Discovery:
    """Targets and skip notices for `paths` (files and directories), in walk order."""
    walker = Walker(max_bytes=max_bytes, exclude=exclude, exclude_root=exclude_root,
                    force_exclude=force_exclude, respect_gitignore=respect_gitignore)
    for given in paths:
        walker.add_path(os.fspath(given))
    return Discovery(tuple(walker.targets), tuple(walker.notices))
