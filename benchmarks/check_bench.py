"""Speed of `realtime-skill check` on a generated tree, beside semgrep on the same tree.

Prints, for a generated project of at least 2,000 JS/TS/TSX/Python/nginx files
(benchmarks/check_corpus.py):
- `check_paths` in-process (both cores, and one core): files/s and lines/s;
- the `realtime-skill check TREE` command as a fresh process (start-up included);
- single-file cold latency: a fresh `realtime-skill check one.js` process, median of N
  (after one untimed run, so the on-disk skill cache is warm, as it is for an agent
  that runs the command after every edit);
- the same for semgrep with the rules of benchmarks/semgrep_rules/ (written to match a
  subset of ours) when a semgrep executable is found ($SEMGREP, PATH, or
  /tmp/semgrep-venv/bin/semgrep; install with
  `python3 -m venv /tmp/semgrep-venv && /tmp/semgrep-venv/bin/pip install semgrep`),
  and the ratios.

Figures, not a timed test. Usage:
  python3 benchmarks/check_bench.py [--files 2400] [--runs 10] [--keep DIR] [--no-semgrep]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from check_corpus import generate  # noqa: E402

from realtime_skill.check.runner import check_paths, default_jobs  # noqa: E402
from realtime_skill.loader import load_skill  # noqa: E402

SEMGREP_RULES = ROOT / "benchmarks" / "semgrep_rules"
ONE_FILE = """// a browser client, as an agent would have just edited it
const RETRY_MS = 1000;

export function connect(onEvent) {
  const ws = new WebSocket("wss://rt.example.com/feed");
  ws.onmessage = (event) => onEvent(JSON.parse(event.data));
  ws.onclose = () => setTimeout(() => connect(onEvent), RETRY_MS);
  return ws;
}
"""


def our_command() -> tuple[list[str], dict[str, str]]:
    env = dict(os.environ)
    exe = shutil.which("realtime-skill")
    if exe:
        return [exe], env
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "scripts"), env.get("PYTHONPATH")]))
    return [sys.executable, "-m", "realtime_skill"], env


def find_semgrep() -> str | None:
    for candidate in (os.environ.get("SEMGREP"), shutil.which("semgrep"), "/tmp/semgrep-venv/bin/semgrep"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def wall(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, done.returncode


def median_wall(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    wall(cmd, env)  # untimed: fills caches (the skill pickle, semgrep's rule parse cache if any)
    return statistics.median(wall(cmd, env)[0] for _ in range(runs))


def line_count(paths: list[Path]) -> int:
    return sum(p.read_bytes().count(b"\n") for p in paths)


def rate(n: float, seconds: float) -> str:
    return f"{n / seconds:,.0f}" if seconds > 0 else "inf"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2400)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="write the tree here and keep it")
    parser.add_argument("--no-semgrep", action="store_true")
    args = parser.parse_args()

    tmp = None
    if args.keep:
        tree = args.keep
        if tree.exists():
            shutil.rmtree(tree)
    else:
        tmp = tempfile.mkdtemp(prefix="rt-check-bench-")
        tree = Path(tmp) / "project"
    try:
        files = generate(tree, args.files)
        lines = line_count(files)
        by_suffix: dict[str, int] = {}
        for f in files:
            by_suffix[f.suffix] = by_suffix.get(f.suffix, 0) + 1
        mix = ", ".join(f"{n} {s}" for s, n in sorted(by_suffix.items()))
        print(f"tree: {len(files)} files, {lines:,} lines ({mix}) under {tree}")
        print(f"cpus: {default_jobs()}; python {sys.version.split()[0]}")
        skill = load_skill()
        print(f"rules: {len(skill.by_kind('validation'))} validations in {skill.root}")
        print()

        print("realtime-skill check")
        report = None
        for jobs in (None, 1):
            start = time.perf_counter()
            report = check_paths([tree], skill=skill, jobs=jobs)
            took = time.perf_counter() - start
            label = f"in-process, jobs={jobs or default_jobs()}"
            print(f"  {label:<24} {took:6.2f} s  {rate(report.files_checked, took):>8} files/s  "
                  f"{rate(report.lines_checked, took):>10} lines/s  ({len(report.findings)} findings, "
                  f"{report.files_checked} files checked, {len(report.notices)} notices)")
        assert report is not None
        by_rule: dict[str, int] = {}
        for finding in report.findings:
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
        print("  findings by rule: " + (", ".join(f"{r} {n}" for r, n in sorted(by_rule.items())) or "none"))
        cmd, env = our_command()
        took, code = wall([*cmd, "check", "--format", "json", str(tree)], env)
        print(f"  {'fresh process, tree':<24} {took:6.2f} s  {rate(len(files), took):>8} files/s  "
              f"{rate(lines, took):>10} lines/s  (exit {code})")
        one = tree / "one.js"
        one.write_text(ONE_FILE, encoding="utf-8")
        ours_cold = median_wall([*cmd, "check", str(one)], args.runs, env)
        print(f"  {'cold single file':<24} {ours_cold * 1000:6.0f} ms (median of {args.runs}; {' '.join(cmd[-2:])})")
        one.unlink()
        ours_tree = took

        semgrep = None if args.no_semgrep else find_semgrep()
        if semgrep is None:
            print("\nsemgrep: not run (not installed; see the module docstring)")
            return 0
        version = subprocess.run([semgrep, "--version"], capture_output=True, text=True, check=False).stdout.strip()
        print(f"\nsemgrep {version} ({len(list(SEMGREP_RULES.glob('*.yaml')))} rule file, "
              f"{sum(p.read_text().count('- id:') for p in SEMGREP_RULES.glob('*.yaml'))} rules)")
        base = [semgrep, "scan", "--metrics=off", "--disable-version-check", "--config", str(SEMGREP_RULES),
                "--quiet", "--json"]
        out = Path(tmp or tree.parent) / "semgrep.json"
        start = time.perf_counter()
        subprocess.run([*base, "-j", str(default_jobs()), "-o", str(out), str(tree)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        sg_tree = time.perf_counter() - start
        data = json.loads(out.read_text(encoding="utf-8"))
        scanned = [Path(p) for p in data.get("paths", {}).get("scanned", [])] or files
        sg_lines = line_count([p if p.is_absolute() else tree / p for p in scanned if (p if p.is_absolute() else tree / p).exists()])
        print(f"  {'fresh process, tree':<24} {sg_tree:6.2f} s  {rate(len(scanned), sg_tree):>8} files/s  "
              f"{rate(sg_lines, sg_tree):>10} lines/s  ({len(data.get('results', []))} findings, "
              f"{len(scanned)} files scanned, {len(data.get('errors', []))} errors)")
        one.write_text(ONE_FILE, encoding="utf-8")
        sg_cold = median_wall([*base, "-o", os.devnull, str(one)], args.runs)
        print(f"  {'cold single file':<24} {sg_cold * 1000:6.0f} ms (median of {args.runs})")

        print("\nratio (semgrep time / realtime-skill time; above 1 means realtime-skill is faster)")
        print(f"  tree, fresh process vs fresh process: {sg_tree / ours_tree:5.2f}x")
        print(f"  cold single file:                     {sg_cold / ours_cold:5.2f}x")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
