"""Tables of contents for the reference files, kept between marker comments."""

from __future__ import annotations

import re

from .model import Entry

START, END = "<!-- toc -->", "<!-- /toc -->"
_BLOCK = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)


def render_toc(entries: list[Entry]) -> str:
    lines = [START]
    for e in entries:
        lines.append(f"- [`{e.id}`](#{e.anchor}): {e.title}")
    lines.append(END)
    return "\n".join(lines)


def with_toc(text: str, entries: list[Entry]) -> str:
    """The file text with its table of contents replaced, or inserted after the title."""
    toc = render_toc(entries)
    if _BLOCK.search(text):
        return _BLOCK.sub(lambda _m: toc, text, count=1)
    first_entry = re.search(r"^## ", text, re.MULTILINE)
    cut = first_entry.start() if first_entry else len(text)
    return text[:cut].rstrip("\n") + "\n\n" + toc + "\n\n" + text[cut:]
