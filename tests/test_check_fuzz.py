"""check_source never raises, whatever it is fed: random text and mutated real code."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))

from check_engine_support import repo_skill

from realtime_skill.check import check_source
from realtime_skill.diagnostics import Diagnostic

FILENAMES = ["a.js", "b.jsx", "c.mjs", "d.ts", "e.tsx", "f.py", "nginx.conf", "g.conf"]
SEEDS = [b.code for e in repo_skill().by_kind("validation") for b in e.code_blocks()
         if b.role in ("bad", "good", "code")]
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_list(found: object) -> None:
    assert isinstance(found, list)
    assert all(isinstance(f, Diagnostic) for f in found)


@FUZZ
@given(text=st.text(max_size=400), filename=st.sampled_from(FILENAMES))
def test_random_text(text: str, filename: str) -> None:
    _assert_list(check_source(text, filename, skill=repo_skill()))


@FUZZ
@given(seed=st.sampled_from(SEEDS), cut=st.integers(0, 2000), junk=st.text(max_size=20),
       filename=st.sampled_from(FILENAMES))
def test_mutated_code(seed: str, cut: int, junk: str, filename: str) -> None:
    cut = min(cut, len(seed))
    mutated = seed[:cut] + junk + seed[cut:][len(junk):]
    _assert_list(check_source(mutated, filename, skill=repo_skill()))


@FUZZ
@given(seed=st.sampled_from(SEEDS), filename=st.sampled_from(FILENAMES),
       data=st.data())
def test_deleted_lines(seed: str, filename: str, data: st.DataObject) -> None:
    lines = seed.split("\n")
    keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    mutated = "\n".join(line for line, k in zip(lines, keep, strict=True) if k)
    _assert_list(check_source(mutated, filename, skill=repo_skill()))
