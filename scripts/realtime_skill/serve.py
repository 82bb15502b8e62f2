"""The MCP server: the skill as resources, tools and prompts (official `mcp` SDK 2.x).

Imported only by `realtime-skill serve` and the tests: `mcp` costs about a second.
"""

from __future__ import annotations

import re
from typing import Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
from mcp.server.mcpserver.resources import TextResource
from pydantic import BaseModel, Field

from . import __version__
from .loader import load_skill
from .model import Entry, Skill

URI_ROOT = "skill://realtime-engineer"
MAX_SOURCE_BYTES = 1024 * 1024
MAX_QUERY_CHARS = 2000
MAX_LIMIT = 20
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KindName = Literal["sharp_edge", "pattern", "validation"]


class SearchResult(BaseModel):
    id: str
    kind: KindName
    title: str
    score: float


class SearchResponse(BaseModel):
    query: str
    triggered: bool
    mode: Literal["diagnose", "create", "review", "none"]
    results: list[SearchResult]


class RouteResponse(BaseModel):
    query: str
    triggered: bool
    mode: Literal["diagnose", "create", "review", "none"]
    reasons: list[str]


class SourceOut(BaseModel):
    title: str
    url: str


class EntryResponse(BaseModel):
    id: str
    kind: KindName
    title: str
    severity: str | None
    tags: list[str]
    related: list[str]
    sources: list[SourceOut]
    uri: str
    markdown: str


class EntrySummary(BaseModel):
    id: str
    kind: KindName
    title: str
    severity: str | None
    uri: str


class EntryList(BaseModel):
    entries: list[EntrySummary]


class FindingOut(BaseModel):
    rule: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    severity: str
    message: str


class CheckResponse(BaseModel):
    filename: str
    findings: list[FindingOut]


def entry_uri(entry: Entry) -> str:
    return f"{URI_ROOT}/entries/{entry.id}"


def _entry_or_error(skill: Skill, entry_id: str, error: type[Exception]) -> Entry:
    entry = skill.get(entry_id) if ID_RE.match(entry_id or "") else None
    if entry is None:
        from difflib import get_close_matches

        near = get_close_matches(entry_id, skill.ids(), n=3) if len(entry_id) < 100 else []
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise error(f"unknown entry id {entry_id[:80]!r}{hint}")
    return entry


def _query(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ToolError("query must not be empty")
    if len(text) > MAX_QUERY_CHARS:
        raise ToolError(f"query is {len(text)} characters; the limit is {MAX_QUERY_CHARS}")
    return text


def search_response(skill: Skill, query: str, kind: str | None, limit: int) -> SearchResponse:
    from .search import answer
    from .search.present import answer_json

    return SearchResponse.model_validate(answer_json(answer(skill, query, kind=kind, limit=limit)))


def build_server(skill: Skill | None = None) -> MCPServer:
    skill = skill or load_skill()
    server = MCPServer(
        "realtime-engineer",
        title="realtime-engineer skill",
        version=__version__,
        instructions=(
            "Real-time systems knowledge (WebSockets, SSE, presence, CRDT/OT, backpressure, "
            "reconnection, scaling). Call `route` or `search` with the user's question to find "
            "entries, `get_entry` to read one, `check_code` to review code. Resources: "
            f"{URI_ROOT}/SKILL.md, the reference files, and {URI_ROOT}/entries/{{id}}."
        ),
    )
    _add_resources(server, skill)
    _add_tools(server, skill)
    _add_prompts(server, skill)
    return server


def _add_resources(server: MCPServer, skill: Skill) -> None:
    server.add_resource(TextResource(uri=f"{URI_ROOT}/SKILL.md", name="SKILL.md", text=skill.skill_md,
                                     mime_type="text/markdown",
                                     description="The skill: persona, principles, routing, index."))
    titles = {ref.path: ref.title for ref in skill.files}
    for path in sorted((skill.root / "references").glob("*")):
        rel = f"references/{path.name}"
        if not path.is_file() or path.suffix not in (".md", ".yaml"):
            continue
        mime = "text/markdown" if path.suffix == ".md" else "application/yaml"
        server.add_resource(TextResource(uri=f"{URI_ROOT}/{rel}", name=rel, mime_type=mime,
                                         text=path.read_text(encoding="utf-8", errors="replace"),
                                         description=titles.get(rel, rel)))

    @server.resource(f"{URI_ROOT}/entries/{{entry_id}}", name="entry", mime_type="text/markdown",
                     description="One knowledge-base entry by id (see the list_entries tool).")
    def read_entry(entry_id: str) -> str:
        return _entry_or_error(skill, entry_id, ResourceNotFoundError).markdown


def _add_tools(server: MCPServer, skill: Skill) -> None:
    @server.tool(description="Search the knowledge base with a question, symptom or error text. "
                             "Returns the best entries (same shape as `realtime-skill ask --format json`).")
    def search(query: str, kind: KindName | None = None,
               limit: int = Field(default=5, ge=1, le=MAX_LIMIT)) -> SearchResponse:
        return search_response(skill, _query(query), kind, limit)

    @server.tool(description="Say whether a question is in scope and whether it asks to diagnose, "
                             "create or review.")
    def route(query: str) -> RouteResponse:
        q = _query(query)
        from .search import route as route_query

        r = route_query(skill, q)
        return RouteResponse(query=q, triggered=r.triggered, mode=r.mode, reasons=list(r.reasons))

    @server.tool(description="Read one entry (sharp edge, pattern or validation) by id, as Markdown.")
    def get_entry(id: str) -> EntryResponse:
        e = _entry_or_error(skill, id, ToolError)
        return EntryResponse(id=e.id, kind=e.kind, title=e.title, severity=e.severity, tags=list(e.tags),
                             related=list(e.related),
                             sources=[SourceOut(title=s.title, url=s.url) for s in e.sources],
                             uri=entry_uri(e), markdown=e.markdown)

    @server.tool(description="List entry ids and titles, optionally of one kind.")
    def list_entries(kind: KindName | None = None) -> EntryList:
        entries = skill.by_kind(kind) if kind else skill.entries
        return EntryList(entries=[EntrySummary(id=e.id, kind=e.kind, title=e.title, severity=e.severity,
                                               uri=entry_uri(e)) for e in entries])

    @server.tool(description="Check source code (JS/TS/TSX, Python or nginx config, chosen by filename) "
                             "against the validation rules. Findings as in `realtime-skill check --format json`.")
    def check_code(source: str, filename: str) -> CheckResponse:
        from .check import check_source

        if len(source.encode("utf-8", "surrogatepass")) > MAX_SOURCE_BYTES:
            raise ToolError(f"source is larger than {MAX_SOURCE_BYTES} bytes")
        name = filename.replace("\\", "/").rsplit("/", 1)[-1][:200]
        if not name or name in (".", ".."):
            raise ToolError("filename must name a file, e.g. client.ts, app.py or nginx.conf")
        findings = check_source(source, name, skill=skill)
        return CheckResponse(filename=name, findings=[
            FindingOut(rule=f.rule, path=f.path, line=f.line, column=f.column,
                       end_line=f.end_line or f.line, end_column=f.end_column or f.column,
                       severity=f.severity, message=f.message) for f in findings])


PROMPT_KINDS: dict[str, tuple[str | None, str]] = {
    "design": ("pattern", "Design the following real-time feature. State the transport, the numbers "
                          "you choose (heartbeat, backoff, queue bounds, TTLs) and the failure modes."),
    "diagnose": ("sharp_edge", "Diagnose the following problem. Name the most likely mechanisms, how to "
                               "confirm each (commands, logs, metrics), and the fix."),
    "review": ("validation", "Review the following code or configuration against the rules below and "
                             "the sharp edges they guard against. Report each problem with its rule id."),
}


def prompt_text(skill: Skill, name: str, text: str, budget_entries: int = 3) -> str:
    kind, instruction = PROMPT_KINDS[name]
    from .search import search as search_entries

    hits = search_entries(skill, text[:MAX_QUERY_CHARS], kind=kind, limit=budget_entries) if text.strip() else []
    parts = [
        "You are a senior real-time systems engineer (realtime-engineer skill). Principles: connections "
        "are fragile; state sync is harder than transport; presence is eventually consistent; "
        "backpressure matters; SSE before WebSocket.",
        "",
        instruction,
        "",
        "<user_input>",
        text,
        "</user_input>",
    ]
    for hit in hits:
        entry = skill.get(hit.id)
        if entry is not None:
            parts += ["", f'<entry id="{entry.id}" kind="{entry.kind}">', entry.markdown.strip(), "</entry>"]
    if not hits:
        parts += ["", "(No knowledge-base entry matched; answer from first principles and say so.)"]
    return "\n".join(parts)


def _add_prompts(server: MCPServer, skill: Skill) -> None:
    @server.prompt(description="Design a real-time feature with the patterns that fit it.")
    def design(task: str) -> str:
        return prompt_text(skill, "design", task)

    @server.prompt(description="Diagnose a real-time problem (symptom, error text, close code).")
    def diagnose(symptom: str) -> str:
        return prompt_text(skill, "diagnose", symptom)

    @server.prompt(description="Review code or config against the validation rules.")
    def review(code: str, filename: str = "") -> str:
        findings = ""
        if filename:
            from .check import check_source

            found = check_source(code[:MAX_SOURCE_BYTES], filename.rsplit("/", 1)[-1], skill=skill)
            findings = "\n".join(f"- line {f.line}: {f.rule}: {f.message}" for f in found) or "- none"
            findings = f"\n\nrealtime-skill check findings:\n{findings}"
        return prompt_text(skill, "review", code) + findings


def run(transport: str = "stdio", host: str = "127.0.0.1", port: int = 8000) -> None:
    server = build_server()
    if transport == "stdio":
        server.run()
    else:
        server.run(transport="streamable-http", host=host, port=port)  # type: ignore[arg-type]

