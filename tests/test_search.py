"""Ranking, routing and caching of `realtime_skill.search` on a small fixture skill."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from realtime_skill import loader, model
from realtime_skill.loader import load_skill
from realtime_skill.model import Skill
from realtime_skill.search import KINDS, Hit, answer, route, search
from realtime_skill.search import cache as search_cache
from realtime_skill.search.index import cached_index, get_index
from realtime_skill.search.text import stem, tokens

FIXTURE = Path(__file__).parent / "fixtures" / "search"


@pytest.fixture
def skill() -> Skill:
    return load_skill(FIXTURE, use_cache=False)


def ids(hits: list[Hit]) -> list[str]:
    return [h.id for h in hits]


def test_tokens_keep_numbers_codes_and_stem_lightly() -> None:
    assert tokens("Drops after 60s, close code 1006, 4xx, 1,000 clients") == [
        "drop", "60", "clos", "cod", "1006", "4xx", "1000", "client"]
    assert stem("reconnecting") == stem("reconnects") == stem("reconnected") == "reconnect"
    assert tokens("proxy_read_timeout") == ["proxy", "read", "timeout"]
    # a camelCase identifier is kept whole and split
    assert tokens("bufferedAmount") == ["bufferedamount", stem("buffer"), "amount"]


def test_symptom_with_numbers_ranks_the_sharp_edge_first(skill: Skill) -> None:
    hits = search(skill, "my websocket dies after exactly 60s behind nginx")
    assert ids(hits)[0] == "proxy-idle-timeout"
    assert hits[0].score > hits[1].score > 0
    assert any(w.startswith("aliases:") for w in hits[0].why)


def test_vocabulary_synonym_finds_entry_without_the_word(skill: Skill) -> None:
    # "thundering herd" is in no entry; vocabulary.yaml maps it to "reconnect storm"
    assert "thundering" not in skill.get("reconnect-storm").markdown.lower()  # type: ignore[union-attr]
    assert ids(search(skill, "thundering herd after the deploy"))[0] == "reconnect-storm"
    assert set(ids(search(skill, "ghost users", limit=2))) == {"ghost-presence", "presence-with-ttl"}


def test_kind_filter_and_limit(skill: Skill) -> None:
    hits = search(skill, "presence online users", kind="pattern", limit=1)
    assert ids(hits) == ["presence-with-ttl"]
    assert all(h.kind == "pattern" for h in search(skill, "timeout heartbeat", kind="pattern"))
    assert search(skill, "presence", limit=0) == []
    with pytest.raises(ValueError):
        search(skill, "presence", kind="recipe")


def test_hit_is_a_frozen_dataclass(skill: Skill) -> None:
    hit = search(skill, "presence")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.score = 0.0  # type: ignore[misc]
    assert isinstance(hit.score, float) and hit.kind in KINDS


@pytest.mark.parametrize(("question", "mode"), [
    ("why does my websocket keep dropping after exactly 60 seconds", "diagnose"),
    ("InvalidStateError: websocket closed with code 1006 behind nginx", "diagnose"),
    ("how do I implement a heartbeat for my websocket", "create"),
    ("review this:\n```js\nconst ws = new WebSocket(url);\nws.onclose = () => connect();\n```", "review"),
    ("websocket presence", "diagnose"),  # no cue: the vocabulary's default
])
def test_route_modes(skill: Skill, question: str, mode: str) -> None:
    rt = route(skill, question)
    assert rt.triggered, rt.reasons
    assert rt.mode == mode, rt.reasons


@pytest.mark.parametrize("question", [
    "how do I fix my CSS grid",
    "permission denied on the unix socket of docker",  # not_domain phrase
    "pandas groupby then sum two columns",
])
def test_off_topic_is_not_triggered(skill: Skill, question: str) -> None:
    rt = route(skill, question)
    assert not rt.triggered and rt.mode == "none"
    assert rt.reasons  # says why
    assert answer(skill, question).hits == ()


def test_unusual_wording_with_a_domain_phrase_is_accepted(skill: Skill) -> None:
    rt = route(skill, "stuck online forever after the laptop lid closes")
    assert rt.triggered, rt.reasons
    assert ids(search(skill, "stuck online forever after the laptop lid closes"))[0] == "ghost-presence"


def test_empty_question(skill: Skill) -> None:
    assert search(skill, "   ") == []
    rt = route(skill, "")
    assert not rt.triggered and rt.mode == "none"


def test_index_is_cached_on_disk_and_readable_without_the_skill(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALTIME_SKILL_CACHE", str(tmp_path / "cache"))
    copy = tmp_path / "skill"
    shutil.copytree(FIXTURE, copy)
    assert cached_index(copy) is None  # nothing built yet
    built = get_index(load_skill(copy, use_cache=False))
    assert list((tmp_path / "cache").glob("search-*.pickle"))
    assert cached_index(copy) == built
    # an edited entry changes the key: the stale index is not used
    path = copy / "references" / "patterns.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Heartbeats on both sides",
                                                             "Heartbeats both ways"), encoding="utf-8")
    assert cached_index(copy) is None


def test_fast_path_mirrors_the_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    # search.cache duplicates three small facts of the loader and model to stay
    # import-light; these checks keep the copies honest
    assert search_cache.skill_root(None) == loader.embedded_skill_dir()
    assert search_cache.cache_dir() == loader.cache_dir()
    monkeypatch.delenv("REALTIME_SKILL_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/tmp/xdg-test")
    assert search_cache.cache_dir() == loader.cache_dir()
    assert KINDS == model.KINDS
    assert list(search_cache._INPUTS) == [str(p.relative_to(FIXTURE))
                                          for p in loader._inputs(FIXTURE)]


def test_stemmer_joins_inflections_and_irregular_forms() -> None:
    assert stem("lose") == stem("loses") == stem("losing") == stem("lost") == stem("loss")
    assert stem("close") == stem("closes") == stem("closing") == stem("closed")
    assert stem("flicker") == stem("flickers") == stem("flickering")
    assert stem("pushes") == "push" and stem("sent") == stem("sending") == "send"
    assert tokens("they were here even though") == []  # function words are no topic


def test_vocabulary_phrase_matches_with_small_gaps() -> None:
    from realtime_skill.search.text import contains_loosely
    said = tokens("sent while the phone was offline", keep_stopwords=True)
    assert contains_loosely(said, tuple(tokens("while offline", keep_stopwords=True)))
    far = tokens("while we were debugging the redis cluster the node went offline", keep_stopwords=True)
    assert not contains_loosely(far, tuple(tokens("while offline", keep_stopwords=True)))


@pytest.mark.parametrize(("question", "mode"), [
    # a longer cue takes the words of a shorter one: "how do we stop" is no "how do we"
    ("websocket clients reconnect all at once after a deploy. how do we stop this?", "diagnose"),
    # "how do i" outweighs a symptom word in the same question
    ("how do I implement a heartbeat so the websocket never drops", "create"),
    # "is * ok" within one sentence
    ("our websocket heartbeat runs every 25 seconds, is that interval ok?", "review"),
    ("websocket drops after 60 seconds. the heartbeat is set. works fine locally", "diagnose"),
    # an error name quoted in backticks is a symptom, not code to review
    ("websocket client gets `InvalidStateError: still in CONNECTING state`", "diagnose"),
    # a backticked name is not code; a backticked statement is
    ("presence of `user:42` in the websocket room", "diagnose"),
    ("does `ws.send(JSON.stringify(msg))` on the websocket need anything else?", "review"),
    # a sentence starting with a verb asks for something to be made
    ("show a reconnecting banner when the websocket is down", "create"),
    # a question with no symptom, no code and no cue asks how to do something
    ("websocket heartbeat interval? ping from the server or the client?", "create"),
    ("websocket url has ?token=abc in it", "diagnose"),  # "?" in a URL asks nothing
])
def test_route_mode_mechanisms(question: str, mode: str) -> None:
    rt = route(load_skill(), question)
    assert rt.triggered, rt.reasons
    assert rt.mode == mode, rt.reasons


def test_preferred_kind_breaks_close_calls() -> None:
    skill = load_skill()
    # the same topic, asked three ways: each mode lifts its own kind of entry
    assert search(skill, "review: `redis.hset('online', userId, 1)` on connect for presence")[0].kind == "validation"
    assert search(skill, "how do I implement presence with redis across servers")[0].kind == "pattern"


def test_another_fields_phrase_without_anchor_is_out_of_scope() -> None:
    skill = load_skill()
    assert not route(skill, "how do I pass a file descriptor over a unix domain socket").triggered
    assert route(skill, "websocket server behind nginx over a unix domain socket drops after 60s").triggered


def test_proper_names_are_not_stemmed() -> None:
    names = frozenset({"pusher"})
    assert tokens("Pusher presence", names=names) == ["pusher", stem("presence")]
    assert tokens("pushing to main", names=names) == ["push", "main"]
    skill = load_skill()
    # "Pusher" (an anchor) is a product; the "push" of git is no evidence for it
    assert not route(skill, "git: squash the last 3 commits into one before pushing").triggered
    assert route(skill, "Pusher presence channel keeps showing users who left as online").triggered


def test_stemmer_undoubles_a_short_root_after_a_suffix() -> None:
    assert stem("pegged") == stem("pegs") == stem("pegging") == "peg"
    assert stem("logged") == stem("logs") == "log" and stem("stopped") == "stop"


@pytest.mark.parametrize("question", [
    # a weak anchor ("real-time") needs a second domain signal
    "best tool for real-time analytics dashboards on top of ClickHouse? queries take ~5s",
    "Kafka Streams vs Flink for a real-time anomaly detection pipeline?",
    # another field's phrase: file streams are Node streams, not WebSocket backpressure
    "Node.js: piping a readable file stream into a brotli transform, how does backpressure work",
])
def test_generic_words_alone_are_not_the_domain(question: str) -> None:
    rt = route(load_skill(), question)
    assert not rt.triggered, rt.reasons


def test_weak_anchor_with_a_second_signal_is_accepted() -> None:
    rt = route(load_skill(), "add a real-time typing indicator to our support chat")
    assert rt.triggered, rt.reasons
    assert any(r.startswith("weak anchors") for r in rt.reasons)


@pytest.mark.parametrize("question", [
    # everyday words that other fields use are weak anchors: one signal, never enough alone
    "my fitbit stopped recording heartbeat data after the firmware update",
    "Microsoft Teams shows my presence as away while I'm actively working",
    "bluetooth headphones reconnect randomly on ubuntu 22.04",
    # a real-time clock is hardware
    "the real-time clock on my microcontroller board drifts a minute a week",
])
def test_everyday_anchor_words_need_a_second_signal(question: str) -> None:
    rt = route(load_skill(), question)
    assert not rt.triggered, rt.reasons


@pytest.mark.parametrize("question", [
    "heartbeat interval vs proxy idle timeout, what values should I use",
    "our clients reconnect all at once after a server restart and melt the database",
    "presence flickers offline/online for users on mobile networks",
])
def test_everyday_anchor_words_with_a_second_signal_are_accepted(question: str) -> None:
    rt = route(load_skill(), question)
    assert rt.triggered, rt.reasons


@pytest.mark.parametrize("question", [
    "Next.js dev mode runs my useEffect twice so the fetch fires twice",
    "rate limit per IP with express middleware counts every request twice behind nginx",
    "redis cache stampede when a hot key expires under load",
])
def test_another_fields_objects_without_this_fields_are_out_of_scope(question: str) -> None:
    rt = route(load_skill(), question)
    assert not rt.triggered, rt.reasons
    assert any(r.startswith("another field's objects") for r in rt.reasons), rt.reasons


def test_this_fields_objects_outweigh_a_neighbours() -> None:
    # "request" is HTTP's, but "subscribe" and "updates" make it a real-time question
    rt = route(load_skill(), "we fetch the initial list with a REST request and then subscribe, "
                             "but updates in between are missing")
    assert rt.triggered, rt.reasons


def test_two_of_this_fields_objects_count_as_a_phrase() -> None:
    from realtime_skill.search.engine import parse_query, scope, score_all
    skill = load_skill()
    index = get_index(skill)
    query = parse_query(index, "canvas.onmousemove = e => socket.emit('cursor', pos) on every frame, any issues?")
    sc = scope(index, query, score_all(index, query))
    assert any("naming this field's objects" in r for r in sc.reasons), sc.reasons


def test_a_number_in_a_title_bigram_is_no_domain_phrase() -> None:
    from realtime_skill.search.engine import evidence, parse_query, score_all
    skill = load_skill()
    index = get_index(skill)
    query = parse_query(index, "the VPN drops every 60 seconds on windows")
    ev = evidence(index, query, score_all(index, query))
    assert not any(any(c.isdigit() for c in p) for p in ev.phrases), ev.phrases


def test_a_number_with_a_unit_is_not_a_domain_phrase_by_itself() -> None:
    from realtime_skill.search.index import _specific
    assert not _specific(tuple(tokens("60 seconds", keep_stopwords=True)))
    assert _specific(tuple(tokens("1006", keep_stopwords=True)))
    assert _specific(tuple(tokens("close code 1006", keep_stopwords=True)))
    assert _specific(tuple(tokens("session id unknown", keep_stopwords=True)))


@pytest.mark.parametrize(("question", "mode"), [
    # a stack trace is a symptom, not code to review
    ("Uncaught SyntaxError: Unexpected token in JSON\n    at JSON.parse (<anonymous>)\n"
     "    at WebSocket.<anonymous> (/app/server.js:41:22)\nthe node process exits", "diagnose"),
    # a quoted JSON reply is output, not code
    ('socket.io clients get `{"code":1,"message":"Session ID unknown"}` on polling', "diagnose"),
    # prose that ends in a parenthesis is not a line of code
    ("our tokens show up in the proxy access logs (it is the EventSource URL)", "diagnose"),
    # a code span still fills the "*" of a review cue
    ("is `io(url, { randomizationFactor: 0 })` a problem for reconnecting clients", "review"),
    ("websocket memory went from 1GB to 7GB after enabling compression. is that normal?", "diagnose"),
    # a snippet in prose is context: a symptom word outweighs it
    ("the UI never updates after a server restart; we just do `new WebSocket(url)` once", "diagnose"),
])
def test_route_mode_output_is_not_code(question: str, mode: str) -> None:
    rt = route(load_skill(), question)
    assert rt.triggered, rt.reasons
    assert rt.mode == mode, rt.reasons
