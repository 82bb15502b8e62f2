"""Measure `realtime-skill ask` on the development set (benchmarks/questions.yaml).

Prints, for this search and for a plain BM25 baseline (bm25s over each entry's raw
Markdown, one document per entry, no field weights, no vocabulary, no stemming):
top-1, top-3, mode accuracy, off-topic rejection and on-topic acceptance; then the
cold-process median of `realtime-skill ask` over 20 runs beside `python -c pass`.

The baseline has no router, so it is given the most favourable threshold possible: its
"triggered" is top score >= the threshold that maximises accuracy on this very set
(an oracle), and its mode is always the most common mode of the set.

Usage: python3 benchmarks/search_eval.py [--skill DIR] [--runs 20] [--no-timing] [-v]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from realtime_skill.loader import load_skill  # noqa: E402
from realtime_skill.model import Skill  # noqa: E402
from realtime_skill.search import answer, search  # noqa: E402


@dataclass(frozen=True)
class Question:
    text: str
    expect: tuple[str, ...]
    mode: str


@dataclass
class Figures:
    top1: float
    top3: float
    mode: float
    rejection: float
    acceptance: float
    end_to_end_top3: float


def load_questions(path: Path, skill: Skill) -> tuple[list[Question], list[str], int]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids = set(skill.ids())
    on: list[Question] = []
    skipped = 0
    if "questions" in data:  # the holdout layout: one list, off-topic items flagged
        data = {"on_topic": [q for q in data["questions"] if not q.get("off_topic")],
                "off_topic": [q for q in data["questions"] if q.get("off_topic")]}
    for item in data["on_topic"]:
        expect = tuple(i for i in item["expect"] if i in ids)
        if not expect:  # the entry is not written yet (staging)
            skipped += 1
            continue
        on.append(Question(item["q"], expect, item["mode"]))
    off = [item["q"] for item in data["off_topic"]]
    return on, off, skipped


def evaluate_ours(skill: Skill, on: list[Question], off: list[str], verbose: bool) -> Figures:
    top1 = top3 = modes = accepted = e2e = 0
    for q in on:
        ranked = [h.id for h in search(skill, q.text, limit=3)]
        ans = answer(skill, q.text, limit=3)
        hit1 = bool(ranked) and ranked[0] in q.expect
        hit3 = any(i in q.expect for i in ranked)
        top1 += hit1
        top3 += hit3
        accepted += ans.route.triggered
        e2e += ans.route.triggered and hit3
        modes += ans.route.mode == q.mode
        if verbose and (not hit3 or not ans.route.triggered or ans.route.mode != q.mode):
            print(f"  MISS {q.text[:70]!r}\n       want {q.expect} {q.mode}; got {ranked} "
                  f"triggered={ans.route.triggered} mode={ans.route.mode}")
            if not ans.route.triggered:
                print("       " + " | ".join(ans.route.reasons))
    rejected = 0
    for text in off:
        rt = answer(skill, text).route
        rejected += not rt.triggered
        if verbose and rt.triggered:
            print(f"  OFF-TOPIC ACCEPTED {text[:70]!r}: {' | '.join(rt.reasons)}")
    n = len(on) or 1
    return Figures(top1 / n, top3 / n, modes / n, rejected / (len(off) or 1), accepted / n, e2e / n)


def evaluate_baseline(skill: Skill, on: list[Question], off: list[str]) -> tuple[Figures, float]:
    try:
        import bm25s
    except ImportError:
        raise SystemExit("search_eval: the BM25 baseline needs bm25s: pip install '.[bench]'") from None

    entries = list(skill.entries)
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize([e.markdown for e in entries], stopwords="en", show_progress=False),
                    show_progress=False)

    def ranked(text: str) -> tuple[list[str], float]:
        toks = bm25s.tokenize([text], stopwords="en", show_progress=False)
        k = min(3, len(entries))
        try:
            docs, scores = retriever.retrieve(toks, k=k, show_progress=False)
        except Exception:  # a query with no known word
            return [], 0.0
        ids = [entries[int(d)].id for d, s in zip(docs[0], scores[0], strict=False) if s > 0]
        return ids, float(scores[0][0]) if len(scores[0]) else 0.0

    on_results = [ranked(q.text) for q in on]
    off_scores = [ranked(t)[1] for t in off]
    on_scores = [s for _ids, s in on_results]
    best_tau, best_acc = 0.0, -1.0
    for tau in sorted({0.0, *on_scores, *off_scores}):
        acc = sum(s >= tau for s in on_scores) + sum(s < tau for s in off_scores)
        if acc > best_acc:
            best_tau, best_acc = tau, acc
    n = len(on) or 1
    majority = Counter(q.mode for q in on).most_common(1)[0][0] if on else "diagnose"
    top1 = sum(bool(ids) and ids[0] in q.expect for (ids, _s), q in zip(on_results, on, strict=True))
    top3 = sum(any(i in q.expect for i in ids) for (ids, _s), q in zip(on_results, on, strict=True))
    accepted = sum(s >= best_tau for s in on_scores)
    e2e = sum(s >= best_tau and any(i in q.expect for i in ids)
              for (ids, s), q in zip(on_results, on, strict=True))
    figures = Figures(top1 / n, top3 / n, sum(q.mode == majority for q in on) / n,
                      sum(s < best_tau for s in off_scores) / (len(off) or 1), accepted / n, e2e / n)
    return figures, best_tau


def ask_command(skill_dir: str | None) -> list[str]:
    extra = ["--skill", skill_dir] if skill_dir else []
    exe = shutil.which("realtime-skill")
    if exe:
        return [exe, "ask", *extra]
    if (ROOT / "scripts" / "realtime_skill" / "cli.py").exists():
        return [sys.executable, "-m", "realtime_skill", "ask", *extra]
    return [sys.executable, "-c", "from realtime_skill.commands.ask import command; command()", *extra]


def cold_medians(cmds: list[list[str]], runs: int) -> list[float]:
    """Median wall time (ms) of each command as a fresh process. Runs are interleaved
    so that load from other processes on the machine hits all commands alike."""
    # As installed: pip byte-compiles the package, so the warm-up run may write
    # __pycache__ even where PYTHONDONTWRITEBYTECODE is set for development.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT / "scripts")
    for cmd in cmds:  # fill the skill, index and bytecode caches
        subprocess.run(cmd, env=env, capture_output=True, check=False)
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            start = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True, check=False)
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) * 1000 for t in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skill", help="skill folder (default: the embedded skill)")
    parser.add_argument("--questions", default=str(ROOT / "benchmarks" / "questions.yaml"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args()

    skill = load_skill(args.skill) if args.skill else load_skill()
    on, off, skipped = load_questions(Path(args.questions), skill)
    print(f"skill: {skill.root} ({len(skill.entries)} entries)")
    print(f"questions: {len(on)} on-topic, {len(off)} off-topic"
          + (f" ({skipped} skipped: expected entries not in this skill)" if skipped else ""))
    ours = evaluate_ours(skill, on, off, args.verbose)
    base, tau = evaluate_baseline(skill, on, off)
    rows = [("top-1", "top1"), ("top-3", "top3"), ("mode accuracy", "mode"),
            ("off-topic rejection", "rejection"), ("on-topic acceptance", "acceptance"),
            ("top-3 and accepted", "end_to_end_top3")]
    print(f"\n{'':22}{'realtime-skill':>16}{'plain BM25':>14}")
    for label, attr in rows:
        print(f"{label:22}{getattr(ours, attr):>16.3f}{getattr(base, attr):>14.3f}")
    print(f"(baseline: bm25s over raw entry Markdown; trigger threshold {tau:.2f} chosen on this set; "
          "mode = majority class)")

    if not args.no_timing:
        cmd = ask_command(args.skill)
        query = "websocket closes with 1006 after exactly 60 seconds behind nginx"
        ours_ms, json_ms, pass_ms = cold_medians(
            [[*cmd, query], [*cmd, "--format", "json", query], [sys.executable, "-c", "pass"]], args.runs)
        print(f"\ncold process, median of {args.runs}: realtime-skill ask {ours_ms:.0f} ms "
              f"(--format json {json_ms:.0f} ms); python -c pass {pass_ms:.0f} ms")
        print(f"  ({' '.join(cmd[:3])} ...; byte-compiled as after pip install, caches warm)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
