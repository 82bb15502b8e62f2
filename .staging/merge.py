"""Merge staging parts into references/*.md in coverage order, with intro and TOC."""
import re, sys, yaml
from pathlib import Path
ROOT = Path("/work/main")
cov = yaml.safe_load(open("/work/shared/coverage.yaml"))
INTRO = {
 "sharp_edges": ("# Sharp edges", "What breaks in real-time systems, why, how to confirm it and how to fix it. "
   "Read this file to **diagnose**: find the entry by its symptoms (each lists the words people use "
   "in its `aliases`), or run `realtime-skill ask \"<symptom or error text>\"`. Each entry has the "
   "sections Symptoms, Why, Detect, Fix and Prevent (format: [FORMAT.md](FORMAT.md))."),
 "patterns": ("# Patterns", "How to build real-time features that survive real networks. Read this file to "
   "**create**: each entry says when to use the pattern and when not, gives a complete implementation, "
   "the numbers to choose and why, the trade-offs and the failure modes (linked to sharp edges). "
   "Run `realtime-skill ask \"how do I ...\" --kind pattern` to find one (format: [FORMAT.md](FORMAT.md))."),
}
def entries(text):
    parts = re.split(r"(?m)^(?=## )", text)
    out = {}
    for p in parts:
        m = re.match(r"## ([a-z0-9-]+):", p)
        if m: out[m.group(1)] = p.rstrip() + "\n"
    return out
for name, prefix in (("sharp_edges", "sharp_edges_"), ("patterns", "patterns_")):
    found = {}
    for part in sorted((ROOT/".staging").glob(prefix + "*.md")):
        found.update(entries(part.read_text(encoding="utf-8")))
    order = list(cov[name]) + [i for i in found if i not in cov[name]]
    missing = [i for i in cov[name] if i not in found]
    title, intro = INTRO[name]
    body = "\n".join(found[i] for i in order if i in found)
    (ROOT/"references"/f"{name}.md").write_text(f"{title}\n\n{intro}\n\n<!-- toc -->\n<!-- /toc -->\n\n{body}", encoding="utf-8")
    print(name, len(found), "entries; missing:", missing)
