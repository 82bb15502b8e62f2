"""`check_paths`: discover files, read each once, run every rule on it, gather a report.

Each file is read once, decoded once and handed to the engine's `check_source`, which
parses it once for all rules. Trees over PARALLEL_THRESHOLD files are split into
chunks for a process pool (tree-sitter matching is CPU-bound Python, so threads would
not help); smaller runs stay in-process, where the pool's start-up would cost more
than it saves. If a pool cannot start (a sandbox without semaphores), the run
continues in-process.
"""

from __future__ import annotations

import errno
import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..codeparse import DEFAULT_SUFFIX
from ..diagnostics import SEVERITY_RANK, Diagnostic
from .config import DEFAULT_MAX_BYTES
from .suppress import apply_suppressions
from .walk import SNIFF_LANGUAGE, Target, discover, looks_like_nginx, notice

if TYPE_CHECKING:
    from ..model import Skill

PARALLEL_THRESHOLD = 200
CHECK_ERROR = "check-error"  # the engine's rule id for its own failures
# Small snippets that make the engine compile every query of a language before a fork.
WARM_TEXT = {
    "javascript": "const ws = new WebSocket(u);\nws.onmessage = (e) => JSON.parse(e.data);\n",
    "typescript": "const ws = new WebSocket(u);\nws.onmessage = (e) => JSON.parse(e.data);\n",
    "tsx": "useEffect(() => { socket.on('x', f); }, []);\n",
    "python": "async def h(ws):\n    async for m in ws:\n        json.loads(m)\n",
    "nginx": "server {\n  location / {\n    proxy_pass http://a;\n  }\n}\n",
}
BINARY_SNIFF_BYTES = 8192
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of `check_paths`: findings at or above the severity threshold (after
    inline suppressions), notices about what was skipped and why, and counts."""

    findings: tuple[Diagnostic, ...]
    notices: tuple[Diagnostic, ...]
    files_checked: int
    lines_checked: int = 0

    @property
    def files_with_findings(self) -> int:
        return len({f.path for f in self.findings})

    @property
    def files_skipped(self) -> int:
        return len({n.path for n in self.notices if n.rule.startswith("skipped-")})


@dataclass(frozen=True, slots=True)
class _Settings:
    ruleset: Any  # the engine's compiled RuleSet (plain data: cheap to hand to workers)
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    min_rank: int
    max_bytes: int


@dataclass(frozen=True, slots=True)
class _Result:
    findings: tuple[Diagnostic, ...] = ()
    notices: tuple[Diagnostic, ...] = ()
    files_checked: int = 0
    lines_checked: int = 0


@dataclass(frozen=True, slots=True)
class Source:
    """A file's text, or the notice saying why it has none."""

    text: str | None
    problem: Diagnostic | None = None


def read_source(path: str, display: str, max_bytes: int) -> Source:
    """Read and decode one file; binary, oversized, non-UTF-8 and unreadable files get
    a notice instead of text."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        rule = "skipped-symlink-loop" if exc.errno == errno.ELOOP else "skipped-unreadable"
        return Source(None, notice(display, rule, f"cannot read: {exc.strerror or exc}"))
    if len(data) > max_bytes:  # grew since it was listed
        return Source(None, notice(display, "skipped-too-large",
                                   f"over the limit of {max_bytes} bytes (--max-bytes)"))
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return Source(None, notice(display, "skipped-binary", "binary file (NUL byte)"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return Source(None, Diagnostic(display, line, "skipped-not-utf8",
                                       f"not valid UTF-8 (byte {exc.start})",
                                       severity="info", column=column))
    if text.startswith("\ufeff"):
        text = text[1:]
    return Source(text)


def _check_one(target: Target, settings: _Settings) -> _Result:
    source = read_source(target.path, target.display, settings.max_bytes)
    if source.text is None:
        assert source.problem is not None
        return _Result(notices=(source.problem,))
    text = source.text
    language = target.language
    if language == SNIFF_LANGUAGE:
        if not looks_like_nginx(text):
            return _Result()  # a .conf of some other program: not ours to check
        language = "nginx"
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if settings.select == ():
        return _Result(files_checked=1, lines_checked=lines)  # every rule deselected
    from . import check_text

    try:
        # the language is passed, not inferred from the name: `sites-available/default`
        # and a sniffed `proxy.conf` are nginx whatever their suffix says
        found = check_text(text, target.display, settings.ruleset, select=settings.select,
                           ignore=settings.ignore, language=language)
    except Exception as exc:  # the engine promises not to raise; one bad file must not stop a run
        found = [Diagnostic(target.display, 1, CHECK_ERROR, f"the checker failed on this file: "
                            f"{exc.__class__.__name__}: {exc}", severity="error")]
    # the engine's own failures are problems of the run, not findings in the code
    problems = tuple(f for f in found if f.rule == CHECK_ERROR)
    found = [f for f in found if f.rule != CHECK_ERROR]
    kept = [f for f in apply_suppressions(found, text) if SEVERITY_RANK.get(f.severity, 2) >= settings.min_rank]
    return _Result(findings=tuple(kept), notices=problems, files_checked=1, lines_checked=lines)


def _check_chunk(targets: Sequence[Target], settings: _Settings) -> _Result:
    findings: list[Diagnostic] = []
    notices: list[Diagnostic] = []
    files = lines = 0
    for target in targets:
        result = _check_one(target, settings)
        findings.extend(result.findings)
        notices.extend(result.notices)
        files += result.files_checked
        lines += result.lines_checked
    return _Result(tuple(findings), tuple(notices), files, lines)


# Set once per worker process by the pool initializer, so that the skill and its
# compiled rules are not shipped with every chunk.
_WORKER_SETTINGS: _Settings | None = None


def _init_worker(settings: _Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _worker_chunk(targets: Sequence[Target]) -> _Result:
    assert _WORKER_SETTINGS is not None
    return _check_chunk(targets, _WORKER_SETTINGS)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _chunks(targets: Sequence[Target], jobs: int) -> list[Sequence[Target]]:
    # several chunks per worker balance uneven files; a floor keeps per-chunk overhead low
    size = max(25, math.ceil(len(targets) / (jobs * 6)))
    return [targets[i:i + size] for i in range(0, len(targets), size)]


def _warm_engine(settings: _Settings, targets: Sequence[Target]) -> None:
    """Load grammars and compile queries before forking, so each worker inherits them."""
    from . import check_text

    languages = {"nginx" if t.language == SNIFF_LANGUAGE else t.language for t in targets}
    for language in sorted(languages):
        try:
            check_text(WARM_TEXT.get(language, "x\n"), f"warm{DEFAULT_SUFFIX.get(language, '')}",
                       settings.ruleset, select=settings.select, ignore=settings.ignore, language=language)
        except Exception:
            pass  # warming is an optimisation; a real failure shows per file later


def _run_parallel(targets: Sequence[Target], settings: _Settings, jobs: int,
                  progress: Progress | None) -> _Result | None:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    _warm_engine(settings, targets)
    chunks = _chunks(targets, jobs)
    findings: list[Diagnostic] = []
    notices: list[Diagnostic] = []
    files = lines = done = 0
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), initializer=_init_worker,
                                 initargs=(settings,)) as pool:
            futures = {pool.submit(_worker_chunk, chunk): len(chunk) for chunk in chunks}
            for future in as_completed(futures):
                result = future.result()
                findings.extend(result.findings)
                notices.extend(result.notices)
                files += result.files_checked
                lines += result.lines_checked
                done += futures[future]
                if progress is not None:
                    progress(done, len(targets))
    except (OSError, BrokenProcessPool, NotImplementedError, PermissionError):
        return None  # no pool here: the caller runs in-process
    return _Result(tuple(findings), tuple(notices), files, lines)


def _run_serial(targets: Sequence[Target], settings: _Settings, progress: Progress | None) -> _Result:
    findings: list[Diagnostic] = []
    notices: list[Diagnostic] = []
    files = lines = 0
    for done, target in enumerate(targets, 1):
        result = _check_one(target, settings)
        findings.extend(result.findings)
        notices.extend(result.notices)
        files += result.files_checked
        lines += result.lines_checked
        if progress is not None and (done % 20 == 0 or done == len(targets)):
            progress(done, len(targets))
    return _Result(tuple(findings), tuple(notices), files, lines)


def check_paths(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] = (".",),
    *,
    skill: Skill | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severity: str = "info",
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int | None = None,
    progress: Progress | None = None,
    exclude: Sequence[str] = (),
    exclude_root: str | os.PathLike[str] | None = None,
    force_exclude: bool = False,
    respect_gitignore: bool = True,
    on_discovered: Callable[[int], None] | None = None,
) -> CheckReport:
    """Check files and directory trees (default: the current directory).

    `severity` drops findings below it ("info" keeps all); `exclude` are gitignore-style
    globs relative to `exclude_root` (default: the current directory); `jobs` caps the
    worker processes (default: the usable CPUs; 1 runs in-process); `progress(done,
    total)` is called as files finish; `on_discovered(total)` once the walk is done.
    Never raises for a bad file: the problem is a notice.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    path_list = [os.fspath(p) for p in paths] or ["."]
    if skill is None:
        from ..loader import load_skill

        skill = load_skill()
    from . import compile_rules

    ruleset = compile_rules(skill)
    settings = _Settings(
        ruleset=ruleset,
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore) if ignore is not None else None,
        min_rank=SEVERITY_RANK.get(severity, 0),
        max_bytes=max_bytes,
    )
    found = discover(path_list, max_bytes=max_bytes, exclude=exclude,
                     exclude_root=os.fspath(exclude_root) if exclude_root is not None else None,
                     force_exclude=force_exclude, respect_gitignore=respect_gitignore)
    targets = found.targets
    if on_discovered is not None:
        on_discovered(len(targets))
    workers = default_jobs() if jobs is None else max(1, jobs)
    result: _Result | None = None
    if workers > 1 and len(targets) > PARALLEL_THRESHOLD:
        result = _run_parallel(targets, settings, workers, progress)
    if result is None:
        result = _run_serial(targets, settings, progress)
    findings = sorted(result.findings, key=Diagnostic.sort_key)
    rule_problems = tuple(getattr(ruleset, "problems", ()))  # invalid rules of the skill: they did not run
    notices = sorted((*rule_problems, *found.notices, *result.notices), key=Diagnostic.sort_key)
    return CheckReport(tuple(findings), tuple(notices), result.files_checked, result.lines_checked)
