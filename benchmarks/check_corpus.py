"""A generated project tree for benchmarking `realtime-skill check` (not a test corpus).

`generate(root, files=2400, seed=7)` writes a deterministic mix shaped like a web
product's repository: browser clients and React components (JS/JSX/TS/TSX), Node and
Python servers, nginx site configs, and a majority of ordinary modules with no
real-time code at all (utilities, API routes, models, tests), as real trees have.
About one real-time file in three carries a known mistake (a constant reconnect delay,
`ws://` to a remote host, JSON.parse without a guard, `ping_interval=None`, a proxy
location without Upgrade headers...), so the rules have something to report.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = ("order", "chat", "ticker", "cursor", "presence", "invoice", "profile", "board", "feed", "alert",
         "room", "session", "metric", "upload", "search", "account", "cart", "draft", "team", "audit")
HOSTS = ("api.example.com", "rt.example.net", "stream.example.org", "live.example.io")


def _utility_js(r: random.Random, n: str) -> str:
    funcs = []
    for i in range(r.randint(4, 12)):
        funcs.append(f"""
/**
 * Group {n} records by a key and keep the newest {i + 1} of each group.
 */
export function group{n.title()}By{i}(records, key) {{
  const groups = new Map();
  for (const record of records) {{
    const k = record[key] ?? "unknown";
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(record);
  }}
  for (const [k, list] of groups) {{
    list.sort((a, b) => b.updatedAt - a.updatedAt);
    groups.set(k, list.slice(0, {i + 1}));
  }}
  return groups;
}}

export async function fetch{n.title()}{i}(client, id, {{ signal }} = {{}}) {{
  const res = await client.get(`/api/{n}/${{encodeURIComponent(id)}}`, {{ signal }});
  if (!res.ok) {{
    throw new Error(`{n} ${{id}}: HTTP ${{res.status}}`);
  }}
  const body = await res.json();
  return {{ ...body, fetchedAt: Date.now() }};
}}
""")
    return "\n".join(funcs)


def _client_js(r: random.Random, n: str, bad: set[str]) -> str:
    host = r.choice(HOSTS)
    url = f'"ws://{host}/{n}"' if "ws-url" in bad else f'"wss://{host}/{n}"'
    if "backoff" in bad:
        delay = "    const delay = RETRY_MS;"
    else:
        delay = ("    const capped = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** this.attempt);\n"
                 "    const delay = Math.random() * capped;")
    if "json" in bad:
        handle = "    const message = JSON.parse(event.data);\n    this.dispatch(message);"
    else:
        handle = ("    let message;\n    try {\n      message = JSON.parse(event.data);\n"
                  "    } catch (err) {\n      console.warn(\"dropping malformed frame\", err);\n      return;\n    }\n"
                  "    this.dispatch(message);")
    onclose = "" if "close" in bad else """
    this.ws.onclose = (event) => {
      this.stopHeartbeat();
      if (event.code === 1008 || event.code >= 4000) return;
      this.scheduleReconnect();
    };"""
    send = ("  publish(payload) {\n    this.ws.send(JSON.stringify(payload));\n  }" if "send" in bad else
            "  publish(payload) {\n    if (this.ws && this.ws.readyState === WebSocket.OPEN) {\n"
            "      this.ws.send(JSON.stringify(payload));\n    } else {\n      this.queue.push(payload);\n    }\n  }")
    return f"""// {n} live updates over a WebSocket.
const RETRY_MS = 1000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30000;
const HEARTBEAT_MS = 25000;

export class {n.title()}Socket {{
  constructor(onEvent) {{
    this.onEvent = onEvent;
    this.attempt = 0;
    this.queue = [];
    this.timer = null;
    this.heartbeat = null;
  }}

  connect() {{
    this.ws = new WebSocket({url});
    this.ws.onopen = () => {{
      this.attempt = 0;
      for (const item of this.queue.splice(0)) this.ws.send(JSON.stringify(item));
      this.heartbeat = setInterval(() => this.ws.send('{{"type":"ping"}}'), HEARTBEAT_MS);
    }};
    this.ws.onmessage = (event) => this.handle(event);{onclose}
    this.ws.onerror = () => this.ws.close();
  }}

  handle(event) {{
{handle}
  }}

  dispatch(message) {{
    if (message.type === "pong") return;
    this.onEvent(message);
  }}

{send}

  stopHeartbeat() {{
    clearInterval(this.heartbeat);
    this.heartbeat = null;
  }}

  scheduleReconnect() {{
{delay}
    this.attempt += 1;
    this.timer = setTimeout(() => this.connect(), delay);
  }}
}}
""" + _utility_js(r, n)


def _component_tsx(r: random.Random, n: str, bad: set[str]) -> str:
    cleanup = "" if "cleanup" in bad else "\n    return () => {\n      socket.off(\"" + n + ":update\", onUpdate);\n    };"
    move = ("  const onMove = (e: React.PointerEvent) => socket.emit(\"cursor\", { x: e.clientX, y: e.clientY });"
            if "mousemove" in bad else
            "  const onMove = useMemo(\n    () => throttle((e: React.PointerEvent) => socket.emit(\"cursor\", { x: e.clientX, y: e.clientY }), 50),\n    [socket],\n  );")
    return f"""import {{ useEffect, useMemo, useState }} from "react";
import throttle from "lodash/throttle";
import type {{ Socket }} from "socket.io-client";

type {n.title()}Item = {{ id: string; title: string; updatedAt: number }};

export function {n.title()}Panel({{ socket }}: {{ socket: Socket }}) {{
  const [items, setItems] = useState<{n.title()}Item[]>([]);

  useEffect(() => {{
    const onUpdate = (item: {n.title()}Item) =>
      setItems((prev) => [item, ...prev.filter((p) => p.id !== item.id)].slice(0, 50));
    socket.on("{n}:update", onUpdate);{cleanup}
  }}, [socket]);

{move}

  return (
    <section className="{n}-panel" onPointerMove={{onMove}}>
      <h2>{n.title()}</h2>
      <ul>
        {{items.map((item) => (
          <li key={{item.id}}>
            {{item.title}} <time>{{new Date(item.updatedAt).toLocaleTimeString()}}</time>
          </li>
        ))}}
      </ul>
    </section>
  );
}}
"""


def _plain_tsx(r: random.Random, n: str) -> str:
    rows = "\n".join(f"        <td>{{row.{f}}}</td>" for f in r.sample(("id", "name", "status", "owner", "total"), 3))
    return f"""import {{ useMemo, useState }} from "react";

export interface {n.title()}Row {{
  id: string;
  name: string;
  status: "open" | "closed";
  owner: string;
  total: number;
}}

export function {n.title()}Table({{ rows }}: {{ rows: {n.title()}Row[] }}) {{
  const [query, setQuery] = useState("");
  const visible = useMemo(
    () => rows.filter((row) => row.name.toLowerCase().includes(query.toLowerCase())),
    [rows, query],
  );
  return (
    <div>
      <input value={{query}} onChange={{(e) => setQuery(e.target.value)}} placeholder="Filter" />
      <table>
        <tbody>
          {{visible.map((row) => (
            <tr key={{row.id}}>
{rows}
            </tr>
          ))}}
        </tbody>
      </table>
    </div>
  );
}}
"""


def _server_ts(r: random.Random, n: str, bad: set[str]) -> str:
    verify = "" if "origin" in bad else ",\n  verifyClient: ({ origin }: { origin: string }) => ALLOWED_ORIGINS.includes(origin)"
    payload = "maxPayload: 0" if "size" in bad else "maxPayload: 64 * 1024"
    if "broadcast" in bad:
        loop = "  for (const client of wss.clients) {\n    client.send(data);\n  }"
    else:
        loop = ("  for (const client of wss.clients) {\n    if (client.readyState !== WebSocket.OPEN) continue;\n"
                "    if (client.bufferedAmount > HIGH_WATER_MARK) {\n      client.terminate();\n      continue;\n    }\n"
                "    client.send(data);\n  }")
    clear = "" if "interval" in bad else "\nwss.on(\"close\", () => clearInterval(sweep));"
    return f"""import {{ createServer }} from "node:http";
import WebSocket, {{ WebSocketServer }} from "ws";

const ALLOWED_ORIGINS = (process.env.ALLOWED_ORIGINS ?? "").split(",");
const HIGH_WATER_MARK = 1 << 20;
const server = createServer();

const wss = new WebSocketServer({{
  server,
  {payload}{verify}
}});

interface Alive extends WebSocket {{ isAlive?: boolean }}

wss.on("connection", (ws: Alive) => {{
  ws.isAlive = true;
  ws.on("pong", () => {{ ws.isAlive = true; }});
  ws.on("message", (raw) => {{
    let msg: {{ type: string; body?: unknown }};
    try {{
      msg = JSON.parse(raw.toString());
    }} catch {{
      ws.close(1003, "bad json");
      return;
    }}
    if (msg.type === "{n}") broadcast(JSON.stringify(msg));
  }});
}});

const sweep = setInterval(() => {{
  for (const ws of wss.clients as Set<Alive>) {{
    if (!ws.isAlive) {{ ws.terminate(); continue; }}
    ws.isAlive = false;
    ws.ping();
  }}
}}, 30000);{clear}

export function broadcast(data: string): void {{
{loop}
}}

server.listen(Number(process.env.PORT ?? 8080));
"""


def _utility_ts(r: random.Random, n: str) -> str:
    parts = [f"""export type {n.title()}Id = string & {{ readonly __brand: "{n}" }};

export interface {n.title()} {{
  id: {n.title()}Id;
  createdAt: Date;
  tags: string[];
  meta: Record<string, string>;
}}
"""]
    for i in range(r.randint(3, 10)):
        parts.append(f"""
export function normalize{n.title()}{i}(input: Partial<{n.title()}>): {n.title()} {{
  if (!input.id) throw new TypeError("{n} without id");
  return {{
    id: input.id,
    createdAt: input.createdAt ?? new Date(0),
    tags: [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()))].sort(),
    meta: Object.fromEntries(Object.entries(input.meta ?? {{}}).filter(([, v]) => v !== "")),
  }};
}}

export const by{n.title()}Date{i} = (a: {n.title()}, b: {n.title()}): number =>
  a.createdAt.getTime() - b.createdAt.getTime();
""")
    return "\n".join(parts)


def _server_py(r: random.Random, n: str, bad: set[str]) -> str:
    ping = "ping_interval=None" if "ping" in bad else "ping_interval=20, ping_timeout=20"
    sleep = "        time.sleep(0.05)" if "blocking" in bad else "        await asyncio.sleep(0.05)"
    if "json" in bad:
        parse = "        message = json.loads(raw)"
    else:
        parse = ("        try:\n            message = json.loads(raw)\n        except json.JSONDecodeError:\n"
                 "            await websocket.close(1003, \"bad json\")\n            return")
    origins = "" if "origin" in bad else ", origins=ALLOWED_ORIGINS"
    return f'''"""{n.title()} fan-out server."""

import asyncio
import json
import logging
import os
import time

from websockets.asyncio.server import serve

log = logging.getLogger(__name__)
ALLOWED_ORIGINS = [o for o in os.environ.get("ALLOWED_ORIGINS", "").split(",") if o]
CLIENTS: set = set()


async def handler(websocket):
    CLIENTS.add(websocket)
    try:
        async for raw in websocket:
{parse}
{sleep}
            await route(websocket, message)
    finally:
        CLIENTS.discard(websocket)


async def route(websocket, message):
    kind = message.get("type")
    if kind == "{n}":
        log.info("{n} from %s", websocket.remote_address)
        await websocket.send(json.dumps({{"type": "ack", "id": message.get("id")}}))


async def main():
    async with serve(handler, "0.0.0.0", 8765, {ping}{origins}) as server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
'''


def _utility_py(r: random.Random, n: str) -> str:
    parts = [f'''"""Helpers for {n} records."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Iterable


@dataclasses.dataclass(frozen=True)
class {n.title()}:
    id: str
    owner: str
    created: dt.datetime
    amount: int = 0
''']
    for i in range(r.randint(3, 10)):
        parts.append(f'''

def summarize_{n}_{i}(items: Iterable[{n.title()}]) -> dict[str, int]:
    """Total amount per owner, owners with nothing left out."""
    totals: dict[str, int] = defaultdict(int)
    for item in items:
        if item.amount:
            totals[item.owner] += item.amount
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def recent_{n}_{i}(items: Iterable[{n.title()}], days: int = {i + 1}) -> list[{n.title()}]:
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)
    return [item for item in items if item.created >= cutoff]
''')
    return "".join(parts)


def _nginx(r: random.Random, n: str, bad: set[str]) -> str:
    headers = ("" if "upgrade" in bad else
               "        proxy_http_version 1.1;\n        proxy_set_header Upgrade $http_upgrade;\n"
               "        proxy_set_header Connection $connection_upgrade;\n")
    timeout = "" if "timeout" in bad else "        proxy_read_timeout 3600s;\n        proxy_send_timeout 3600s;\n"
    return f"""map $http_upgrade $connection_upgrade {{
    default upgrade;
    ''      close;
}}

upstream {n}_app {{
    server 127.0.0.1:{r.randint(3000, 9000)};
    keepalive 32;
}}

server {{
    listen 443 ssl;
    server_name {n}.example.com;
    ssl_certificate /etc/ssl/{n}.pem;
    ssl_certificate_key /etc/ssl/{n}.key;

    location / {{
        proxy_pass http://{n}_app;
        proxy_set_header Host $host;
    }}

    location /ws/ {{
        proxy_pass http://{n}_app;
{headers}{timeout}        proxy_set_header Host $host;
    }}
}}
"""


# (weight, directory, suffix, template, possible mistakes)
KINDS = (
    (14, "web/src/lib", ".js", "utility_js", ()),
    (9, "web/src/live", ".js", "client_js", ("ws-url", "backoff", "json", "close", "send")),
    (8, "web/src/components", ".tsx", "component_tsx", ("cleanup", "mousemove")),
    (10, "web/src/views", ".tsx", "plain_tsx", ()),
    (6, "server/src/ws", ".ts", "server_ts", ("origin", "size", "broadcast", "interval")),
    (16, "server/src/domain", ".ts", "utility_ts", ()),
    (7, "backend/realtime", ".py", "server_py", ("ping", "blocking", "json", "origin")),
    (24, "backend/app", ".py", "utility_py", ()),
    (6, "deploy/nginx/sites-available", ".conf", "nginx", ("upgrade", "timeout")),
)
TEMPLATES = {
    "utility_js": lambda r, n, bad: _utility_js(r, n),
    "client_js": _client_js,
    "component_tsx": _component_tsx,
    "plain_tsx": lambda r, n, bad: _plain_tsx(r, n),
    "server_ts": _server_ts,
    "utility_ts": lambda r, n, bad: _utility_ts(r, n),
    "server_py": _server_py,
    "utility_py": lambda r, n, bad: _utility_py(r, n),
    "nginx": _nginx,
}


def generate(root: Path, files: int = 2400, seed: int = 7) -> list[Path]:
    """Write `files` files under `root`; returns their paths."""
    r = random.Random(seed)
    weights = [k[0] for k in KINDS]
    written: list[Path] = []
    for i in range(files):
        _, directory, suffix, template, mistakes = r.choices(KINDS, weights)[0]
        name = f"{r.choice(WORDS)}{i}"
        bad = {m for m in mistakes if r.random() < 0.12}
        folder = root / directory / f"part{i % 17}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}{suffix}"
        path.write_text(TEMPLATES[template](r, name, bad), encoding="utf-8")
        written.append(path)
    return written
