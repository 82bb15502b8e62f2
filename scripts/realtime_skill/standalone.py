"""Answer from a skill folder with python3 and the standard library alone.

    python3 scripts/realtime_skill/standalone.py ask "websocket drops after 60 seconds"
    python3 scripts/realtime_skill/standalone.py show proxy-idle-timeout
    python3 scripts/realtime_skill/standalone.py list

For an agent that has the installed folder but not the package (no pip, no click, no
yaml): it reads `references/search-index.json` (written by `realtime-skill index`, kept
fresh by lint) and ranks with the same code as `realtime-skill ask`, so the answers are
the same. `show` cuts the entry out of its reference file by its `## id:` heading.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKILL_ROOT = HERE.parent.parent  # <skill>/scripts/realtime_skill/standalone.py
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))
if sys.path and Path(sys.path[0]).resolve() == HERE:  # `python3 .../standalone.py` puts HERE first
    sys.path.pop(0)  # ...where `search` would import as a top-level package of its own

REFERENCE_FILES = ("references/sharp_edges.md", "references/patterns.md", "references/validations.md")
MAX_FILE_BYTES = 8 * 1024 * 1024


def _fail(message: str) -> int:
    print(f"standalone: {message}", file=sys.stderr)
    return 2


def _read_text(path: Path) -> str:
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            raise OSError(f"{path}: not a regular file of at most {MAX_FILE_BYTES} bytes")
        return handle.read(MAX_FILE_BYTES + 1).decode("utf-8", errors="replace")


def entry_markdown(root: Path, entry_id: str) -> str | None:
    """The entry's Markdown, from its heading to the next level-2 heading outside a fence."""
    heading = f"## {entry_id}:"
    for rel in REFERENCE_FILES:
        try:
            lines = _read_text(root / rel).splitlines()
        except OSError:
            continue
        out: list[str] | None = None
        fence = ""
        for line in lines:
            stripped = line.lstrip()
            if fence:
                if stripped.startswith(fence):
                    fence = ""
            elif stripped.startswith(("```", "~~~")):
                fence = stripped[:3]
            elif line.startswith("## "):
                if out is not None:
                    break
                if line.startswith(heading):
                    out = []
            if out is not None:
                out.append(line)
        if out is not None:
            return "\n".join(out).strip() + "\n"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="standalone.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--skill", type=Path, default=SKILL_ROOT, help="skill folder (default: this one)")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="the best entries for a question")
    ask.add_argument("question", nargs="+")
    ask.add_argument("--kind", choices=["sharp_edge", "pattern", "validation"])
    ask.add_argument("--limit", "-n", type=int, default=5)
    ask.add_argument("--format", choices=["text", "json"], default="text")
    show = sub.add_parser("show", help="one entry in full, by id")
    show.add_argument("id")
    sub.add_parser("list", help="every id and title")
    args = parser.parse_args(argv)

    from realtime_skill.search import answer_from_index
    from realtime_skill.search.indexfile import IndexFileError, read
    from realtime_skill.search.present import answer_json, answer_text

    root: Path = args.skill
    try:
        index = read(root)
    except IndexFileError as exc:
        return _fail(f"{exc} (read the entries by their '## id:' headings in references/ instead)")
    if args.command == "ask":
        text = " ".join(args.question).strip()
        if not text or not 1 <= args.limit <= 50:
            return _fail("give a non-empty question and a --limit from 1 to 50")
        ans = answer_from_index(index, text, kind=args.kind, limit=args.limit)
        out = json.dumps(answer_json(ans), ensure_ascii=False) + "\n" if args.format == "json" \
            else answer_text(index, ans)
        sys.stdout.write(out)
        return 0
    if args.command == "list":
        for entry_id, kind, title in zip(index.ids, index.kinds, index.titles, strict=True):
            print(f"{entry_id}  ({kind})  {title}")
        return 0
    markdown = entry_markdown(root, args.id) if args.id in index.ids else None
    if markdown is None:
        close = difflib.get_close_matches(args.id, index.ids, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return _fail(f"no entry {args.id!r}{hint}")
    sys.stdout.write(markdown)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.exit(0)
