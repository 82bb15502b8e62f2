"""Real MCP round trips: in-process (auto and legacy JSON-RPC framing) and over stdio."""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from realtime_skill.serve import URI_ROOT, build_server

pytestmark = pytest.mark.anyio

HOSTILE_URIS = [
    f"{URI_ROOT}/entries/no-such-entry",
    f"{URI_ROOT}/entries/../../../etc/passwd",
    f"{URI_ROOT}/entries/..%2F..%2Fetc%2Fpasswd",
    f"{URI_ROOT}/entries/%2Fetc%2Fpasswd",
    f"{URI_ROOT}/references/../../../../etc/passwd",
    f"{URI_ROOT}/references/%2E%2E/%2E%2E/etc/passwd",
    "file:///etc/passwd",
    f"{URI_ROOT}/entries/" + "a" * 5000,
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def server() -> Any:
    return build_server()


async def exercise(client: Client) -> None:
    resources = await client.list_resources()
    uris = {r.uri for r in resources.resources}
    assert f"{URI_ROOT}/SKILL.md" in uris
    assert f"{URI_ROOT}/references/patterns.md" in uris
    assert f"{URI_ROOT}/references/FORMAT.md" in uris and f"{URI_ROOT}/references/vocabulary.yaml" in uris
    templates = await client.list_resource_templates()
    assert [t.uri_template for t in templates.resource_templates] == [f"{URI_ROOT}/entries/{{entry_id}}"]
    skill_md = await client.read_resource(f"{URI_ROOT}/SKILL.md")
    assert skill_md.contents[0].text.startswith("---\nname: realtime-engineer")
    entry = await client.read_resource(f"{URI_ROOT}/entries/proxy-idle-timeout")
    assert entry.contents[0].text.startswith("## proxy-idle-timeout:")

    tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == {"search", "route", "get_entry", "list_entries", "check_code"}
    assert all(t.output_schema for t in tools.values())

    found = await client.call_tool("search", {"query": "websocket disconnects after exactly 60 seconds behind nginx"})
    assert not found.is_error
    data = found.structured_content
    assert data["triggered"] is True and data["mode"] == "diagnose"
    assert "proxy-idle-timeout" in [r["id"] for r in data["results"][:3]]
    off = await client.call_tool("search", {"query": "how do I center a div with CSS grid"})
    assert off.structured_content["triggered"] is False and off.structured_content["results"] == []
    routed = await client.call_tool("route", {"query": "review my socket.io server code"})
    assert routed.structured_content["mode"] == "review"
    got = await client.call_tool("get_entry", {"id": "heartbeat"})
    assert got.structured_content["kind"] == "pattern" and got.structured_content["sources"]
    listed = await client.call_tool("list_entries", {"kind": "validation"})
    assert len(listed.structured_content["entries"]) >= 21
    checked = await client.call_tool("check_code", {
        "source": "const ws = new WebSocket('wss://example.com');\nws.onmessage = (e) => JSON.parse(e.data);\n",
        "filename": "client.js"})
    assert not checked.is_error
    rules = {f["rule"] for f in checked.structured_content["findings"]}
    assert "json-parse-without-guard" in rules and "websocket-without-close-handler" in rules

    prompts = {p.name for p in (await client.list_prompts()).prompts}
    assert prompts == {"design", "diagnose", "review"}
    design = await client.get_prompt("design", {"task": "show who is online across 3 servers"})
    assert "presence-with-ttl" in design.messages[0].content.text
    diag = await client.get_prompt("diagnose", {"symptom": "users stay online after closing the laptop"})
    assert "ghost-presence" in diag.messages[0].content.text
    review = await client.get_prompt("review", {"code": "ws.send(JSON.stringify(msg))", "filename": "a.js"})
    assert "<user_input>" in review.messages[0].content.text

    # Hostile and wrong requests: clear errors, and the server keeps serving.
    for uri in HOSTILE_URIS:
        with pytest.raises(Exception) as info:
            await client.read_resource(uri)
        assert "Traceback" not in str(info.value)
    bad_calls = [
        ("get_entry", {"id": "../../etc/passwd"}),
        ("get_entry", {"id": 42}),
        ("search", {"query": ""}),
        ("search", {"query": "x", "limit": "many"}),
        ("search", {"query": "x", "limit": 10_000}),
        ("search", {"query": "x", "kind": "bogus"}),
        ("check_code", {"source": "x" * (1024 * 1024 + 1), "filename": "a.js"}),
        ("check_code", {"source": "x", "filename": ".."}),
        ("check_code", {"source": 123, "filename": "a.js"}),
        ("list_entries", {"kind": "nope"}),
    ]
    for name, args in bad_calls:
        result = await client.call_tool(name, args)
        assert result.is_error, (name, args)
        assert result.content and "Traceback" not in result.content[0].text
    again = await client.call_tool("get_entry", {"id": "heartbeat"})
    assert not again.is_error


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_round_trip_in_memory(server: Any, mode: str) -> None:
    async with Client(server, mode=mode) as client:
        await exercise(client)


async def test_round_trip_over_stdio() -> None:
    # The SDK passes the child only a few safe variables; keep PYTHONPATH and the cache dir.
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "PYTHONPATH", "REALTIME_SKILL_CACHE")}
    params = StdioServerParameters(command=sys.executable, args=["-m", "realtime_skill", "serve"], env=env)
    async with Client(params) as client:
        await exercise(client)


async def test_streamable_http_transport() -> None:
    import socket
    import subprocess

    import anyio

    with socket.socket() as probe:  # a free loopback port for the server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "PYTHONPATH", "REALTIME_SKILL_CACHE")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "realtime_skill", "serve", "--transport", "streamable-http",
         "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):  # up to 20 s for the server to listen
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            await anyio.sleep(0.2)
        async with Client(f"http://127.0.0.1:{port}/mcp") as client:
            names = {t.name for t in (await client.list_tools()).tools}
            assert "search" in names
            found = await client.call_tool("search", {"query": "users stuck online after closing the laptop"})
            assert found.structured_content["results"][0]["id"] == "ghost-presence"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
