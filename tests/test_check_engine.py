"""The check engine: every rule against its own examples, and the engine's parts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent))

from check_engine_support import ROOT, repo_skill
from conftest import COVERAGE

from realtime_skill.check import Finding, check_source, check_text
from realtime_skill.check.nginx import parse as parse_nginx
from realtime_skill.check.nginx import parse_seconds
from realtime_skill.check.regex import redos_problem
from realtime_skill.check.rules import Rule, RuleSet, compile_rules, first_sentence
from realtime_skill.check.treematch import parse_file
from realtime_skill.check.values import find_option, resolve, text


def _examples() -> list[tuple[str, int, object]]:
    skill = repo_skill()
    out = []
    for entry in skill.by_kind("validation"):
        for n, example in enumerate(entry.examples):
            out.append(pytest.param(entry.id, n, id=f"{entry.id}-{example.expect}{n}"))
    return out


def test_validations_file_parses_cleanly() -> None:
    skill = repo_skill()
    problems = [d for d in skill.diagnostics
                if d.path == "references/validations.md" and d.severity == "error"]
    assert problems == []


def test_all_coverage_validations_exist_in_order() -> None:
    wanted = list(yaml.safe_load(COVERAGE.read_text())["validations"])
    got = [e.id for e in repo_skill().by_kind("validation")]
    assert got == wanted


def test_every_rule_compiles() -> None:
    ruleset = compile_rules(repo_skill())
    assert ruleset.problems == ()
    assert len(ruleset.rules) == len(repo_skill().by_kind("validation"))


@pytest.mark.parametrize(("rule_id", "index"), _examples())
def test_rule_example(rule_id: str, index: int) -> None:
    entry = repo_skill().get(rule_id)
    assert entry is not None
    example = entry.examples[index]
    block = example.block
    findings = check_source(block.code, block.filename or "example", skill=repo_skill(), select=[rule_id])
    assert not [f for f in findings if f.rule == "check-error"], findings
    lines = sorted({f.line for f in findings if f.rule == rule_id})
    if example.expect == "bad":
        assert example.expected_lines, "a bad example needs a ruleid: mark"
        assert lines == sorted(set(example.expected_lines)), example.label
    else:
        assert lines == [], example.label


def test_finding_carries_entry_message_severity_and_fix_hint() -> None:
    skill = repo_skill()
    code = 'const ws = new WebSocket("wss://x.example.com");\nws.onmessage = (e) => console.log(e.data);\n'
    (finding,) = check_source(code, "client.js", skill=skill, select=["websocket-without-close-handler"])
    entry = skill.get("websocket-without-close-handler")
    assert entry is not None and isinstance(finding, Finding)
    assert (finding.line, finding.column) == (1, 12)
    assert finding.message == entry.message
    assert finding.severity == entry.severity
    assert finding.hint is not None and finding.hint.startswith("Handle `close`")


def test_select_ignore_and_unknown_language() -> None:
    skill = repo_skill()
    code = 'const ws = new WebSocket("ws://api.example.com");\n'
    every = {f.rule for f in check_source(code, "a.js", skill=skill)}
    assert {"websocket-without-close-handler", "insecure-websocket-url"} <= every
    ignored = {f.rule for f in check_source(code, "a.js", skill=skill, ignore=["insecure-websocket-url"])}
    assert "insecure-websocket-url" not in ignored
    assert check_source(code, "notes.txt", skill=skill) == []


def test_paths_exclude_applies_to_test_files() -> None:
    code = 'export const url = "ws://api.example.com/ws";\n'
    skill = repo_skill()
    assert check_source(code, "src/config.js", skill=skill, select=["insecure-websocket-url"])
    assert check_source(code, "src/config.test.js", skill=skill, select=["insecure-websocket-url"]) == []


def test_same_code_in_every_js_grammar() -> None:
    code = 'const RETRY = 1000;\nconst ws = new WebSocket("wss://a.example.com");\nws.onclose = () => setTimeout(connect, RETRY);\n'
    for name in ("a.js", "a.mjs", "a.cjs", "a.jsx", "a.ts", "a.tsx"):
        found = check_source(code, name, skill=repo_skill(), select=["reconnect-without-backoff"])
        assert [f.line for f in found] == [3], name


def test_a_failing_rule_becomes_check_error_and_others_still_run() -> None:
    broken = Rule("broken", "error", "m", None, {"js": [{"query": "(identifier) @report",
                                                        "where": [{"no-such-condition": 1}]}]}, "x.md", 1)
    fine = Rule("fine", "warning", "m", None, {"js": [{"query": "(number) @report"}]}, "x.md", 2)
    found = check_text("let a = 1;\n", "a.js", RuleSet((broken, fine), ()))
    assert {f.rule for f in found} == {"check-error", "fine"}


def test_values_follow_constants_spreads_and_kwargs() -> None:
    ctx = parse_file("const BASE = { maxPayload: 0 };\nconst opts = { ...BASE, port: 1 };\nnew S(opts);\n", "javascript")
    call = ctx.root.children[2].children[0]
    state, value = find_option(call, ["maxPayload"], ctx.defs)
    assert state == "found" and value is not None and text(value) == "0"
    assert find_option(call, ["verifyClient"], ctx.defs)[0] == "absent"
    unknown = parse_file("function f(o) { return new S({ ...o }); }\n", "javascript")
    new_expr = unknown.root.children[0].child_by_field_name("body").named_children[0].named_children[0]
    assert find_option(new_expr, ["verifyClient"], unknown.defs)[0] == "unknown"
    py = parse_file("OPTS = dict(max_size=None)\nserve(h, **OPTS)\n", "python")
    call_py = py.root.children[1].children[0]
    state, value = find_option(call_py, ["max_size"], py.defs)
    assert state == "found" and value is not None and text(value) == "None"


def test_resolve_stops_at_ambiguous_names() -> None:
    ctx = parse_file("let d = 1;\nd = d * 2;\nuse(d);\n", "javascript")
    ident = ctx.root.children[2].children[0].child_by_field_name("arguments").named_children[0]
    assert resolve(ident, ctx.defs).type == "identifier"


def test_resolve_takes_the_innermost_declaration_when_a_name_is_shadowed() -> None:
    src = ("function a() { function h() { return 1; } use(h); }\n"
           "function b() { function h() { return 2; } use(h); }\n"
           "use(h);\n")
    ctx = parse_file(src, "javascript")
    uses = [n for n, _ in ctx.index("(call_expression arguments: (arguments (identifier) @arg)) @c", None, "arg").items]
    resolved = [text(resolve(n, ctx.defs)) for n in uses]
    assert resolved[0].endswith("return 1; }") and resolved[1].endswith("return 2; }")
    assert resolved[2] == "h"  # at top level neither declaration is in scope
    # an assignment may rebind an outer name: then nothing is followed
    mixed = parse_file("function a() { let d = 1; use(d); }\nd = 3;\n", "javascript")
    arg = mixed.index("(call_expression arguments: (arguments (identifier) @arg)) @c", None, "arg").items[0][0]
    assert resolve(arg, mixed.defs).type == "identifier"


def test_nginx_map_variables_match_as_their_values() -> None:
    from realtime_skill.check.nginx import evaluate

    root, _ = parse_nginx(
        "map $http_upgrade $conn_hdr { default upgrade; '' close; }\n"
        "server { location /ws { proxy_set_header Connection $conn_hdr; }\n"
        " location /x { proxy_set_header Connection $conn_hdr_other; } }\n")
    ws, other = [b for b in root.blocks() if b.name == "location"]
    cond = {"has": {"directive": "proxy_set_header", "args": "(?i)^connection\\s+\\S*upgrade"}}
    assert evaluate(cond, ws)
    assert not evaluate(cond, other)


def test_nginx_inheritance_and_units() -> None:
    root, errors = parse_nginx(
        "server {\n proxy_set_header Upgrade $http_upgrade;\n proxy_read_timeout 2m;\n"
        " location /a { proxy_set_header X-Real-IP $remote_addr; }\n location /b { }\n}\n")
    assert errors == []
    loc_a, loc_b = [b for b in root.blocks() if b.name == "location"]
    assert [d.args[0] for d in loc_a.effective("proxy_set_header")] == ["X-Real-IP"]
    assert [d.args[0] for d in loc_b.effective("proxy_set_header")] == ["Upgrade"]
    assert loc_a.effective("proxy_read_timeout")[0].args == ["2m"]
    assert [parse_seconds(v) for v in ("75s", "2m", "1h", "7d", "500ms", "3600", "1h30m", "x")] == [
        75, 120, 3600, 604800, 0.5, 3600, 5400, None]


def test_redos_detector() -> None:
    assert redos_problem("(a+)+$")
    assert redos_problem("(x+x+)+y")
    assert redos_problem(r"(\w+\s?)+$")
    assert redos_problem(r"^ws://[^/]+") is None
    assert redos_problem(r"(?:[a-z]+\.)+com") is None


def test_first_sentence_skips_code() -> None:
    assert first_sentence("```js\nx\n```\nUse wss. Then more.") == "Use wss."


def test_check_source_reports_an_unusable_skill_instead_of_raising() -> None:
    found = check_source("x", "a.js", skill=object())  # type: ignore[arg-type]
    assert [f.rule for f in found] == ["check-error"]
    assert "cannot load the rules" in found[0].message


def test_corpus_meets_accuracy_targets() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import check_accuracy

    skill = repo_skill()
    corpus = ROOT / "tests" / "fixtures" / "check" / "corpus"
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    assert len(files) >= 45
    tp = fp = fn = 0
    for path in files:
        source = path.read_text(encoding="utf-8")
        expected = check_accuracy.expected_findings(source)
        found = {(f.rule, f.line) for f in check_source(source, path.name, skill=skill)}
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= 0.8


def test_columns_count_characters_not_bytes() -> None:
    # tree-sitter reports UTF-8 byte offsets; findings must count characters (SARIF, editors)
    from realtime_skill.check import check_source

    text = 'const café = "é"; const ws = new WebSocket("ws://chat.example.com/é");\n'
    found = [f for f in check_source(text, "u.js") if f.rule == "insecure-websocket-url"]
    assert [(f.line, f.column, f.end_column) for f in found] == [
        (1, text.index('"ws://') + 1, text.index('é")') + 3)]


def test_nginx_findings_span_the_directive() -> None:
    from realtime_skill.check import check_source

    conf = ("server {\n    location /ws/ {\n        proxy_pass http://app;\n"
            "        proxy_set_header Upgrade $http_upgrade;\n    }\n}\n")
    found = [f for f in check_source(conf, "nginx.conf") if f.rule.startswith("nginx-")]
    assert found
    for f in found:
        assert (f.line, f.column) == (3, 9) and f.end_column == len("        proxy_pass http://app;") + 1
