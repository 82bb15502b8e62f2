"""The parser turns any text into records and diagnostics, never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realtime_skill.loader import load_skill
from realtime_skill.parse import decode, parse_frontmatter, parse_reference

FIXTURE = Path(__file__).parent / "fixtures" / "skills" / "realtime-engineer"
SEED = (FIXTURE / "references" / "sharp_edges.md").read_text(encoding="utf-8")
SKILL_SEED = (FIXTURE / "SKILL.md").read_text(encoding="utf-8")
FRAGMENTS = ["## ", "### ", "```", "```yaml meta\n", "```yaml rule\n", "---\n", ": ", "- ", "\n",
             "[x](", ")", "{", "}", "&a ", "*a", "\t", "\ufeff", "\r\n", "ruleid: x\n", "`"]


def mutate(seed: str, cuts: list[tuple[int, int, str]]) -> str:
    text = seed
    for pos, length, insert in cuts:
        pos %= max(len(text), 1)
        text = text[:pos] + insert + text[pos + length % 20:]
    return text


mutations = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                               st.sampled_from(FRAGMENTS) | st.text(max_size=8)), max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations, st.sampled_from(["sharp_edge", "pattern", "validation"]))
def test_mutated_reference_never_raises(cuts: list[tuple[int, int, str]], kind: str) -> None:
    text = mutate(SEED, cuts)
    ref, _entries, diags = parse_reference("references/x.md", text, kind)  # type: ignore[arg-type]
    assert ref.line_count >= 1
    for d in diags:
        assert d.line >= 1 and d.rule and d.message


@settings(max_examples=150, deadline=None)
@given(mutations)
def test_mutated_frontmatter_never_raises(cuts: list[tuple[int, int, str]]) -> None:
    fm = parse_frontmatter("SKILL.md", mutate(SKILL_SEED, cuts))
    assert isinstance(fm.data, dict)
    assert all(d.line >= 1 for d in fm.diagnostics)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_decode_to_text_or_diagnostic(data: bytes) -> None:
    decoded = decode("f.md", data)
    assert decoded.text is not None or decoded.diagnostics


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations, st.sampled_from(["SKILL.md", "references/sharp_edges.md", "references/patterns.md",
                                   "references/validations.md"]))
def test_mutated_skill_folder_loads(skill_dir: Path, cuts: list[tuple[int, int, str]], rel: str) -> None:
    path = skill_dir / rel
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(mutate(original, cuts), encoding="utf-8")
        skill = load_skill(skill_dir, use_cache=False)
        from realtime_skill.lint import lint_skill

        diags = lint_skill(skill_dir, run_rules=False)
        assert skill.root == skill_dir.resolve()
        assert all(d.line >= 1 for d in diags)
    finally:
        path.write_text(original, encoding="utf-8")


def test_entry_fields_and_lines() -> None:
    skill = load_skill(FIXTURE, use_cache=False)
    entry = skill.get("proxy-idle-timeout")
    assert entry is not None
    assert (entry.kind, entry.line, entry.severity) == ("sharp_edge", 3, "high")
    assert [s.name for s in entry.sections] == ["Symptoms", "Why", "Detect", "Fix", "Prevent"]
    fix = entry.section("Fix")
    assert fix is not None and fix.code_blocks[0].language == "nginx"
    lines = SEED.split("\n")
    assert lines[fix.code_blocks[0].line - 1].startswith("```nginx")
    assert skill.related_entries(entry)[0].id == "heartbeat"


def test_cache_roundtrip(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("REALTIME_SKILL_CACHE", str(tmp_path))
    first = load_skill(FIXTURE)
    assert list(tmp_path.glob("skill-*.pickle"))
    second = load_skill(FIXTURE)
    assert second.digest == first.digest and second.ids() == first.ids()


def test_cache_keeps_only_the_newest_files(tmp_path: Path, monkeypatch) -> None:
    from realtime_skill.paths import KEEP_PER_KIND, cache_read, cache_write

    monkeypatch.setenv("REALTIME_SKILL_CACHE", str(tmp_path))
    for i in range(KEEP_PER_KIND + 3):
        cache_write(f"search-{i:04d}.pickle", {"n": i})
    assert len(list(tmp_path.glob("search-*.pickle"))) == KEEP_PER_KIND
    assert cache_read(f"search-{KEEP_PER_KIND + 2:04d}.pickle") == {"n": KEEP_PER_KIND + 2}
    cache_write("skill-x.pickle", 1)
    assert cache_read("skill-x.pickle") == 1  # other kinds are untouched by the pruning
