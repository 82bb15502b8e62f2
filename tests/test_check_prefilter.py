"""The literal prefilter may only skip code that cannot match (prefilter.py)."""

from __future__ import annotations

from tree_sitter import QueryCursor

from realtime_skill.check.prefilter import lowered_ascii, pattern_needs, query_needs, regex_needs
from realtime_skill.check.treematch import compile_query, parse_file


def met(needs_source: str, text: str) -> bool:
    return query_needs(needs_source).met(text, lowered_ascii(text))


def test_eq_predicate_requires_its_word() -> None:
    q = '(call_expression function: (identifier) @fn (#eq? @fn "setTimeout")) @report'
    assert met(q, "setTimeout(f, 1)")
    assert not met(q, "setInterval(f, 1)")


def test_predicate_binds_only_where_its_capture_is_captured() -> None:
    # the predicate on @p constrains the first branch only: py-tree-sitter treats a
    # predicate on an unbound capture as satisfied, so the second branch needs nothing
    q = '[(member_expression property: (property_identifier) @p (#eq? @p "onclose")) (number)] @r'
    assert met(q, "x = 1;")
    ctx = parse_file("x = 1;", "javascript")
    assert ctx.index(q, None, "r").items  # and tree-sitter agrees: the number matches


def test_optional_capture_needs_nothing() -> None:
    q = '(call_expression function: (identifier) @fn arguments: (arguments (string) @s)? (#eq? @s "zz"))'
    assert met(q, "f()")


def test_regex_alternation_and_case() -> None:
    needs = regex_needs("(?i)^(re)?connect|open$")
    assert needs.met("OPEN", "open")
    assert needs.met("Connect", "connect")
    assert not needs.met("close", "close")
    assert needs.met("\u212a", None)  # non-ASCII text: case-insensitive words are not tested


def test_posix_class_and_unparsable_regex_need_nothing() -> None:
    assert regex_needs("[[:digit:]]+").trivial
    assert regex_needs(r"\pL+").trivial


def test_negative_conditions_need_nothing() -> None:
    pattern = {"query": "(string) @report", "where": [{"not": {"match": {"regex": "ws://"}}},
                                                        {"lacks": {"query": "(number) @scope"}}]}
    assert pattern_needs(pattern).trivial


def test_skipped_query_really_has_no_match() -> None:
    q = '(new_expression constructor: (identifier) @c (#match? @c "^(WebSocket|EventSource)$")) @report'
    for text in ("new WebSocket(u)", "new EventSource(u)", "new Foo(u)"):
        ctx = parse_file(text, "javascript")
        found = QueryCursor(compile_query("javascript", q)).matches(ctx.root)
        assert bool(found) <= met(q, text)
