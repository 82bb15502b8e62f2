"""Temporary checker for staging parts (until `realtime-skill lint` exists).
Usage: python3 .staging/checkpart.py KIND FILE   (KIND: sharp_edge|pattern)"""
import re, sys
sys.path.insert(0, "/work/main/scripts")
import yaml
from markdown_it import MarkdownIt
from realtime_skill.codeparse import fence_language, syntax_problem

SECTIONS = {"sharp_edge": ["Symptoms", "Why", "Detect", "Fix", "Prevent"],
            "pattern": ["Use when", "Avoid when", "Implementation", "Numbers to choose", "Trade-offs", "Failure modes"]}
kind, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
tokens = MarkdownIt("commonmark").enable("table").parse(text)
problems, entries, cur = [], [], None
for i, t in enumerate(tokens):
    line = (t.map[0] + 1) if t.map else 0
    if t.type == "heading_open" and t.tag == "h2":
        title = tokens[i + 1].content
        m = re.match(r"^([a-z0-9]+(?:-[a-z0-9]+)*): (.+)$", title)
        if not m: problems.append(f"{path}:{line}: bad heading {title!r}")
        cur = {"id": m.group(1) if m else title, "line": line, "sections": [], "meta": None}
        entries.append(cur)
    elif t.type == "heading_open" and t.tag == "h3" and cur:
        cur["sections"].append(tokens[i + 1].content)
    elif t.type == "fence":
        lang = fence_language(t.info)
        if t.info.strip() == "yaml meta" and cur:
            try: cur["meta"] = yaml.safe_load(t.content)
            except yaml.YAMLError as e: problems.append(f"{path}:{line}: meta yaml: {e}")
        if lang:
            p = syntax_problem(t.content, lang)
            if p: problems.append(f"{path}:{line + p.line}: {t.info.strip()} block does not parse: {p.message}")
for e in entries:
    if e["sections"] != SECTIONS[kind]:
        problems.append(f"{path}:{e['line']}: {e['id']}: sections {e['sections']} != {SECTIONS[kind]}")
    m = e["meta"] or {}
    for key in ("tags", "related", "sources", "aliases"):
        if not m.get(key): problems.append(f"{path}:{e['line']}: {e['id']}: meta lacks {key}")
    if kind == "sharp_edge" and m.get("severity") not in ("critical", "high", "medium", "low"):
        problems.append(f"{path}:{e['line']}: {e['id']}: bad severity")
print("\n".join(problems) or f"ok: {len(entries)} entries: {[e['id'] for e in entries]}")
