"""Tokenisation for search: lower-case words, numbers and codes kept, light stemming.

The same function runs over entries at index time and over questions at query time,
so a crude stemmer is fine as long as it is deterministic: "reconnecting",
"reconnects" and "reconnected" only have to land on the same key.
"""

from __future__ import annotations

import re
from itertools import pairwise

# "proxy_read_timeout", "socket.io", "Last-Event-ID", "4xx", "1,000", "60s", "x-accel-buffering"
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# a number glued to a unit: "60s", "30sec", "500ms", "10k", "4GB"; the number is what
# people and entries share ("60 seconds", "60 s", "60s")
_NUM_UNIT = re.compile(r"^(\d+)(s|sec|secs|ms|m|min|mins|h|k|kb|mb|gb|x)$")

# English function words only: they carry no topic. Domain words never go here; they
# live in references/vocabulary.yaml and in the entries.
STOPWORDS = frozenset(
    """a an the and or but if then than so of to in on at by for with from into onto over
    under about after before between through during without within up down out off
    is are was were be been being am do does did doing done have has had having
    i me my mine we us our ours you your yours he him his she her it its they them their
    this that these those there here what which who whom whose when where why how
    can could should would will shall may might must not no nor only also just very too
    get gets got getting use used using make makes made any all some each every other
    s t d ll re ve m o y one two as such same own again once further more most much many
    e.g i.e etc vs versus ok okay hi hello thanks please
    though although even yet because since until unless whether either neither both
    few several while whilst like really actually basically literally anyway maybe
    someone anyone somebody anybody something anything everything nothing
    problem problems issue issues question questions help thing things stuff lot bit
    wondering wonder guess think know""".split()
)

# Irregular English forms the suffix rules cannot reach: "lost" and "loses" must meet
# "lose" and "loss". English, not domain vocabulary (that is in vocabulary.yaml).
IRREGULAR: dict[str, str] = {
    **dict.fromkeys(("lost", "loses", "losing", "loss", "losses"), "lose"),
    **dict.fromkeys(("sent", "sends", "sending"), "send"),
    **dict.fromkeys(("broke", "broken", "breaks", "breaking"), "break"),
    **dict.fromkeys(("built", "builds", "building"), "build"),
    **dict.fromkeys(("kept", "keeps", "keeping"), "keep"),
    **dict.fromkeys(("died", "dies", "dying", "dead"), "die"),
    **dict.fromkeys(("threw", "thrown", "throws", "throwing"), "throw"),
    **dict.fromkeys(("fell", "fallen", "falls", "falling"), "fall"),
    **dict.fromkeys(("hung", "hangs", "hanging"), "hang"),
    **dict.fromkeys(("left", "leaves", "leaving"), "leave"),
    **dict.fromkeys(("shown", "shows", "showing"), "show"),
    **dict.fromkeys(("seen", "saw", "sees", "seeing"), "see"),
    **dict.fromkeys(("wrote", "written", "writes", "writing"), "write"),
    **dict.fromkeys(("ran", "runs", "running"), "run"),
    **dict.fromkeys(("went", "gone", "goes", "going"), "go"),
    **dict.fromkeys(("came", "comes", "coming"), "come"),
    **dict.fromkeys(("chose", "chosen", "chooses", "choosing"), "choose"),
    **dict.fromkeys(("held", "holds", "holding"), "hold"),
    **dict.fromkeys(("stuck", "sticks", "sticking"), "stick"),
}

_SUFFIXES = (
    "ational", "ization", "ations", "ation", "ments", "ment", "ness", "ings", "ing",
    "ions", "ion", "edly", "ies", "ers", "er", "ed", "ly", "es", "s",
)
_VOWELS = frozenset("aeiouy")
_SIBILANTS = ("ss", "x", "z", "ch", "sh")


_INFLECTIONS = frozenset(("ings", "ing", "ed", "edly", "ies", "es", "s"))


def _strip_suffix(word: str) -> tuple[str, str]:
    """The word without its first matching suffix, and that suffix ("" when none)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            if suffix == "es" and not base.endswith(_SIBILANTS):
                # "closes" is "close" + s, "pushes" is "push" + es
                base = word[:-1]
            if len(base) >= 3 and _VOWELS.intersection(base):
                return (base + "y" if suffix == "ies" else base), suffix
    return word, ""


def stem(word: str) -> str:
    """Strip one common English suffix (and a final e or doubled consonant).

    Words with digits, dots or fewer than 4 letters are codes or already short
    ("1006", "4xx", "ws", "socket.io") and stay as they are.
    """
    if word in STOPWORDS:  # "were" is not "wer": stopwords are matched after stemming
        return word
    irregular = IRREGULAR.get(word)
    if irregular is not None:
        word = irregular
    if len(word) < 4 or not word.isalpha():
        return word
    if word.endswith(("ss", "us", "is", "eed")):
        return word
    word, suffix = _strip_suffix(word)
    if suffix in _INFLECTIONS:
        # "flickering" -> "flicker" -> "flick", as "flicker" and "flickers" do
        again, second = _strip_suffix(word)
        if second not in _INFLECTIONS:
            word = again
    # a final e goes whatever came before, so "close", "closes" and "closing" agree
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]
    # "stopped" -> "stopp" -> "stop"; after a suffix also a short root: "pegged" -> "peg"
    if (len(word) > 4 or (suffix and len(word) == 4)) and word[-1] == word[-2] \
            and word[-1] not in _VOWELS and word[-1] not in "sl":
        word = word[:-1]
    return word


def _split_camel(match: re.Match[str]) -> str:
    word = match.group(0)
    parts = _CAMEL.sub(" ", word)
    # "WebSocket" is one word to its users and two to the prose: keep both
    return word if parts == word else f"{word} {parts}"


_IDENT = re.compile(r"[A-Za-z0-9]+")


def words(text: str, *, split_camel: bool = True) -> list[str]:
    """Raw lower-case words, numbers split from their units, camelCase also split apart
    (unless `split_camel` is false: "InvalidStateError" is then one word, not three)."""
    text = _THOUSANDS.sub("", text)
    text = (_IDENT.sub(_split_camel, text) if split_camel else text).lower()
    out: list[str] = []
    for raw in _WORD.findall(text):
        word = raw.replace("'", "")
        match = _NUM_UNIT.match(word)
        if match:
            out.append(match.group(1))
            continue
        if "." in word:
            # "socket.io" stays one token (a product name) and also gives its parts,
            # "date.now" / "ws.send" give their parts
            out.append(word)
            out.extend(p for p in word.split(".") if p)
            continue
        out.append(word)
    return out


def tokens(text: str, *, keep_stopwords: bool = False, names: frozenset[str] = frozenset()) -> list[str]:
    """Stemmed tokens in order; stopwords dropped unless asked (cue matching needs them).
    Words in `names` (proper names from the vocabulary) stay whole: "Pusher" is a
    product, and stemmed it would be the "push" of "git push"."""
    result: list[str] = []
    for word in words(text.replace("_", " ")):
        if not keep_stopwords and word in STOPWORDS:
            continue
        result.append(word if word in names else stem(word))
    return result


def with_bigrams(toks: list[str]) -> list[str]:
    """Unigrams plus adjacent pairs ("idle timeout"): a phrase match outranks two
    scattered words."""
    return toks + [f"{a} {b}" for a, b in pairwise(toks)]


def contains_loosely(haystack: list[str], needle: tuple[str, ...], *, max_gap: int = 3,
                     max_content_gap: int = 1) -> bool:
    """True when the needle's tokens occur in order with small gaps between them:
    "while ... offline" in "sent while the phone was offline". At most `max_gap` tokens
    are skipped in all, of which at most `max_content_gap` are not stopwords."""
    if contains(haystack, needle):
        return True
    n = len(needle)
    if n < 2:
        return False
    first = needle[0]
    for start, tok in enumerate(haystack):
        if tok != first:
            continue
        pos, gap, content_gap = start + 1, 0, 0
        for want in needle[1:]:
            while pos < len(haystack) and haystack[pos] != want:
                gap += 1
                content_gap += bool(haystack[pos]) and haystack[pos] not in STOPWORDS
                pos += 1
            if pos >= len(haystack) or gap > max_gap or content_gap > max_content_gap:
                break
            pos += 1
        else:
            return True
    return False


def contains(haystack: list[str], needle: tuple[str, ...]) -> bool:
    """True when `needle` occurs as a contiguous run in `haystack`."""
    n = len(needle)
    if n == 0 or n > len(haystack):
        return False
    first = needle[0]
    if first not in haystack:  # the common case, and a C-speed scan
        return False
    for i, tok in enumerate(haystack[: len(haystack) - n + 1]):
        if tok == first and tuple(haystack[i : i + n]) == needle:
            return True
    return False
