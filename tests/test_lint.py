"""Every lint rule: one mutation of the clean fixture that triggers it (with file:line),
and the clean fixture that triggers none."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from realtime_skill.lint import LINT_RULES, lint_skill

Mutation = Callable[[Path], None]


def edit(rel: str, old: str, new: str) -> Mutation:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture lacks {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def write(rel: str, data: bytes) -> Mutation:
    def apply(root: Path) -> None:
        (root / rel).write_bytes(data)
    return apply


def remove(rel: str) -> Mutation:
    def apply(root: Path) -> None:
        (root / rel).unlink()
    return apply


LONG = "x" * 1100
SE = "references/sharp_edges.md"
PA = "references/patterns.md"
VA = "references/validations.md"

CASES: list[tuple[str, Mutation, str]] = [
    # (rule, mutation, file the diagnostic must point at)
    ("skill-md-missing", remove("SKILL.md"), "SKILL.md"),
    ("frontmatter-missing", edit("SKILL.md", "---\nname", "name"), "SKILL.md"),
    ("frontmatter-unclosed", edit("SKILL.md", "---\n# Fixture", "# Fixture"), "SKILL.md"),
    ("frontmatter-not-mapping", edit("SKILL.md", "---\nname: realtime-engineer\ndescription: \"A tiny valid skill used by the tests. Use when testing the loader.\"\nmetadata:\n  version: \"0.0.1\"\n", "---\n- a list\n"), "SKILL.md"),
    ("yaml-invalid", edit("SKILL.md", 'description: "A tiny valid skill used by the tests. Use when testing the loader."', "description: Use when: testing"), "SKILL.md"),
    ("yaml-duplicate-key", edit("SKILL.md", "metadata:", "name: realtime-engineer\nmetadata:"), "SKILL.md"),
    ("frontmatter-unknown-key", edit("SKILL.md", "metadata:", "persona: expert\nmetadata:"), "SKILL.md"),
    ("name-required", edit("SKILL.md", "name: realtime-engineer", "name: ''"), "SKILL.md"),
    ("name-length", edit("SKILL.md", "name: realtime-engineer", "name: " + "a" * 65), "SKILL.md"),
    ("name-case", edit("SKILL.md", "name: realtime-engineer", "name: Realtime-Engineer"), "SKILL.md"),
    ("name-chars", edit("SKILL.md", "name: realtime-engineer", "name: realtime_engineer"), "SKILL.md"),
    ("name-hyphens", edit("SKILL.md", "name: realtime-engineer", "name: realtime--engineer"), "SKILL.md"),
    ("name-dir-mismatch", edit("SKILL.md", "name: realtime-engineer", "name: other-skill"), "SKILL.md"),
    ("description-required", edit("SKILL.md", '"A tiny valid skill used by the tests. Use when testing the loader."', '""'), "SKILL.md"),
    ("description-length", edit("SKILL.md", "A tiny valid skill", "Use when " + LONG), "SKILL.md"),
    ("description-when", edit("SKILL.md", "Use when testing the loader.", "For tests."), "SKILL.md"),
    ("description-angle-brackets", edit("SKILL.md", "A tiny", "A <tiny>"), "SKILL.md"),
    ("license-type", edit("SKILL.md", "metadata:", "license: [MIT]\nmetadata:"), "SKILL.md"),
    ("compatibility-type", edit("SKILL.md", "metadata:", "compatibility: " + "y" * 501 + "\nmetadata:"), "SKILL.md"),
    ("metadata-type", edit("SKILL.md", 'version: "0.0.1"', "version: 1.0"), "SKILL.md"),
    ("allowed-tools-type", edit("SKILL.md", "metadata:", "allowed-tools: 42\nmetadata:"), "SKILL.md"),
    ("body-empty", write("SKILL.md", b'---\nname: realtime-engineer\ndescription: "Use when testing."\n---\n'), "SKILL.md"),
    ("body-length", edit("SKILL.md", "# Fixture\n", "# Fixture\n" + "line\n" * 510), "SKILL.md"),
    ("body-tokens", edit("SKILL.md", "# Fixture\n", "# Fixture\n" + ("word " * 4500 + "\n") * 1), "SKILL.md"),
    ("link-absolute", edit("SKILL.md", "# Fixture\n", "# Fixture\nSee [x](/etc/passwd).\n"), "SKILL.md"),
    ("link-escapes", edit("SKILL.md", "# Fixture\n", "# Fixture\nSee [x](../outside.md).\n"), "SKILL.md"),
    ("link-broken", edit("SKILL.md", "# Fixture\n", "# Fixture\nSee [x](references/nope.md).\n"), "SKILL.md"),
    ("reference-orphan", write("references/extra.md", b"# Extra\n"), "references/extra.md"),
    ("index-missing", edit("SKILL.md", "`heartbeat`, ", ""), PA),
    ("reference-toc", edit(SE, "### Prevent\nHeartbeat every 25 s.\n", "### Prevent\n" + "Heartbeat every 25 s.\n\n" * 160), SE),
    ("file-missing", remove(PA), PA),
    ("not-utf8", write(PA, b"# Patterns\n\n\xff\xfe broken\n"), PA),
    ("empty-file", write(PA, b""), PA),
    ("bom", write(SE, b"\xef\xbb\xbf" + (Path(__file__).parent / "fixtures/skills/realtime-engineer" / SE).read_bytes()), SE),
    ("crlf", write(SE, (Path(__file__).parent / "fixtures/skills/realtime-engineer" / SE).read_bytes().replace(b"\n", b"\r\n")), SE),
    ("file-title", edit(SE, "# Sharp edges\n", ""), SE),
    ("no-entries", write(SE, b"# Sharp edges\n\nNothing yet.\n"), SE),
    ("entry-heading", edit(SE, "## proxy-idle-timeout: Proxies", "## Proxy_Idle: Proxies"), SE),
    ("meta-missing", edit(SE, "```yaml meta", "Some text.\n\n```yaml"), SE),
    ("meta-not-mapping", edit(SE, "severity: high\ntags: [proxy]\naliases: [drops after 60 seconds, close code 1006, idle disconnect]\nrelated: [heartbeat]\nsources:\n  - title: nginx WebSocket proxying\n    url: https://nginx.org/en/docs/http/websocket.html\n", "- just\n- a list\n"), SE),
    ("schema", edit(SE, "severity: high", "severity: apocalyptic"), SE),
    ("section-missing", edit(SE, "### Detect\nLook at the close code.\n", ""), SE),
    ("section-unknown", edit(SE, "### Prevent", "### Extra\nMore.\n### Prevent"), SE),
    ("section-duplicate", edit(SE, "### Prevent", "### Why\nAgain.\n### Prevent"), SE),
    ("section-empty", edit(SE, "### Detect\nLook at the close code.\n", "### Detect\n"), SE),
    ("section-order", edit(SE, "### Symptoms\n- Drops after exactly 60 s.\n### Why\nnginx `proxy_read_timeout` defaults to 60 s.\n", "### Why\nnginx `proxy_read_timeout` defaults to 60 s.\n### Symptoms\n- Drops after exactly 60 s.\n"), SE),
    ("id-duplicate", edit(PA, "## heartbeat:", "## proxy-idle-timeout:"), PA),
    ("related-unresolved", edit(SE, "related: [heartbeat]", "related: [no-such-entry]"), SE),
    ("code-syntax", edit(PA, "const interval: number = 25_000;", "const interval: number = ;"), PA),
    ("code-missing", edit(SE, "```nginx\nlocation /ws/ {\n    proxy_pass http://app;\n    proxy_read_timeout 1h;\n}\n```\n", "Raise the timeout.\n"), SE),
    ("rule-block", edit(VA, "```yaml rule\nplaceholder: true\n```", "No rule yet."), VA),
    ("meta-misplaced", edit(SE, "### Prevent", "### Prevent\n```yaml meta\nseverity: low\n```\n"), SE),
    ("vocabulary", write("references/vocabulary.yaml", b"synonyms: [not, a, mapping]\n"), "references/vocabulary.yaml"),
    ("file-too-large", write(PA, b"# Patterns\n" + b"x" * (5 * 1024 * 1024)), PA),
    ("skill-md-name", lambda root: (root / "SKILL.md").rename(root / "skill.md"), "skill.md"),
    ("message-length", edit(VA, "send() may run before the socket is OPEN.", "x" * 250), VA),
]


def codes(diags: list) -> set[str]:
    return {d.rule for d in diags}


def test_clean_fixture_has_no_problems(skill_dir: Path) -> None:
    assert lint_skill(skill_dir, run_rules=False) == []


@pytest.mark.parametrize(("rule", "mutate", "where"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires(skill_dir: Path, rule: str, mutate: Mutation, where: str) -> None:
    mutate(skill_dir)
    diags = lint_skill(skill_dir, run_rules=False)
    hits = [d for d in diags if d.rule == rule]
    assert hits, f"{rule} did not fire; got {sorted(codes(diags))}"
    assert all(d.path.endswith(where) and d.line >= 1 for d in hits)
    assert LINT_RULES[rule].severity == hits[0].severity or rule in (
        "frontmatter-unknown-key", "allowed-tools-type")


def test_every_lint_rule_is_tested() -> None:
    exercised = {c[0] for c in CASES} | {
        # fired by the rule engine's self-tests (tests/test_check_selftest.py)
        "rule-invalid", "rule-self-test", "rule-redos", "rule-examples", "code-trips-validation",
        "check-unavailable",
        # need conditions a fixture cannot build portably or are covered elsewhere
        "file-unreadable",
        "coverage-missing", "coverage-kind",
        "search-index-stale",  # tests/test_standalone.py
    }
    assert set(LINT_RULES) <= exercised


def test_coverage(skill_dir: Path) -> None:
    coverage = {"sharp_edges": {"proxy-idle-timeout": "x", "reconnect-storm": "y"},
                "patterns": {"proxy-idle-timeout": "wrong kind"}}
    diags = lint_skill(skill_dir, coverage=coverage, run_rules=False)
    assert [d.message for d in diags if d.rule == "coverage-missing"] == [
        "required sharp_edge 'reconnect-storm' is missing"]
    assert [d.rule for d in diags if d.rule == "coverage-kind"] == ["coverage-kind"]


def test_platform_key_is_a_warning(skill_dir: Path) -> None:
    edit("SKILL.md", "metadata:", "when_to_use: tests\nmetadata:")(skill_dir)
    diags = lint_skill(skill_dir, run_rules=False)
    assert [(d.rule, d.severity) for d in diags] == [("frontmatter-unknown-key", "warning")]


def test_dashes_inside_description_do_not_end_frontmatter(skill_dir: Path) -> None:
    # skills-ref splits on the substring '---' and silently truncates such a value.
    edit("SKILL.md", "Use when testing the loader.", "Use when converting A---B.")(skill_dir)
    from realtime_skill.loader import load_skill

    skill = load_skill(skill_dir, use_cache=False)
    assert skill.description.endswith("A---B.")
    assert lint_skill(skill_dir, run_rules=False) == []


def test_unquoted_colon_gets_a_hint(skill_dir: Path) -> None:
    edit("SKILL.md", '"A tiny valid skill used by the tests. Use when testing the loader."',
         "Use when: testing")(skill_dir)
    diags = [d for d in lint_skill(skill_dir, run_rules=False) if d.rule == "yaml-invalid"]
    assert diags and diags[0].line == 3 and diags[0].hint and "quoted" in diags[0].hint


def test_diagnostics_serialise(skill_dir: Path) -> None:
    edit("SKILL.md", "name: realtime-engineer", "name: Bad")(skill_dir)
    data = json.loads(json.dumps([d.to_dict() for d in lint_skill(skill_dir, run_rules=False)]))
    assert {"path", "line", "column", "rule", "severity", "message"} <= set(data[0])
