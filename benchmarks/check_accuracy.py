"""Precision and recall of `realtime-skill check` on the annotated fixture corpus.

Each corpus file marks expected findings semgrep-style: a comment containing
`ruleid: <rule-id>` says the next non-blank line must be flagged by that rule;
`ok: <rule-id>` marks a tricky negative (informational: any finding not announced by a
`ruleid:` mark counts as a false positive, marked or not).

Usage: PYTHONPATH=scripts python3 benchmarks/check_accuracy.py [--corpus DIR] [--skill DIR] [-v]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from realtime_skill.check import check_source  # noqa: E402
from realtime_skill.loader import load_skill  # noqa: E402
from realtime_skill.model import Skill  # noqa: E402

MARK = re.compile(r"\b(ruleid|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)")


def expected_findings(text: str) -> set[tuple[str, int]]:
    lines = text.split("\n")
    out: set[tuple[str, int]] = set()
    for i, line in enumerate(lines):
        for kind, ids in MARK.findall(line):
            if kind != "ruleid":
                continue
            for j in range(i + 1, len(lines)):
                nxt = lines[j].strip()
                if nxt and not MARK.search(nxt):
                    for rule in ids.split(","):
                        out.add((rule.strip(), j + 1))
                    break
    return out


def repo_skill(path: Path | None) -> Skill:
    """The skill to measure: --skill, the repository root, or a temporary folder that
    holds the repository's references when the root has no SKILL.md yet."""
    if path is not None:
        return load_skill(path, use_cache=False)
    if (ROOT / "SKILL.md").is_file():
        return load_skill(ROOT, use_cache=False)
    tmp = Path(tempfile.mkdtemp(prefix="rt-skill-"))
    (tmp / "references").mkdir()
    (tmp / "SKILL.md").write_text("---\nname: realtime-engineer\ndescription: measure\n---\n# measure\n")
    for ref in (ROOT / "references").glob("*.md"):
        shutil.copy(ref, tmp / "references" / ref.name)
    return load_skill(tmp, use_cache=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "fixtures" / "check" / "corpus")
    parser.add_argument("--skill", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every false positive and negative")
    args = parser.parse_args(argv)

    skill = repo_skill(args.skill)
    rules = [e.id for e in skill.by_kind("validation")]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    details: list[str] = []
    files = sorted(p for p in args.corpus.rglob("*") if p.is_file())
    for path in files:
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(args.corpus).as_posix()
        expected = expected_findings(text)
        found = {(d.rule, d.line) for d in check_source(text, rel, skill=skill)}
        errors = [d for d in check_source(text, rel, skill=skill) if d.rule == "check-error"]
        for d in errors:
            details.append(f"ERROR {rel}:{d.line} {d.message}")
        for rule, line in found:
            if rule == "check-error":
                continue
            if (rule, line) in expected:
                tp[rule] += 1
            else:
                fp[rule] += 1
                details.append(f"FP {rule} {rel}:{line}")
        for rule, line in expected - found:
            fn[rule] += 1
            details.append(f"FN {rule} {rel}:{line}")

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    print(f"{len(files)} files, {len(rules)} rules")
    print(f"{'rule':45} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6}")
    for rule in rules:
        p = ratio(tp[rule], tp[rule] + fp[rule])
        r = ratio(tp[rule], tp[rule] + fn[rule])
        print(f"{rule:45} {tp[rule]:4} {fp[rule]:4} {fn[rule]:4} {p:6.2f} {r:6.2f}")
    t, f, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'overall':45} {t:4} {f:4} {n:4} {ratio(t, t + f):6.2f} {ratio(t, t + n):6.2f}")
    missing = [r for r in rules if tp[r] + fn[r] == 0]
    if missing:
        print("rules without a positive in the corpus:", ", ".join(missing))
    if args.verbose:
        print("\n".join(sorted(details)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
