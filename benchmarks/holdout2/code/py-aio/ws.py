import json
import os

import psycopg2
from aiohttp import WSMsgType, web

conn = psycopg2.connect(os.environ["DATABASE_URL"])
conn.autocommit = True
cur = conn.cursor()

sockets: set[web.WebSocketResponse] = set()


async def broadcast(text: str) -> None:
    for ws in list(sockets):
        if not ws.closed:
            # ruleid: broadcast-without-backpressure
            await ws.send_str(text)


async def ws_handler(request: web.Request) -> web.WebSocketResponse:
    # ruleid: unbounded-message-size
    ws = web.WebSocketResponse(heartbeat=30, max_msg_size=0)
    await ws.prepare(request)
    sockets.add(ws)
    try:
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            try:
                # ok: json-parse-without-guard
                data = json.loads(msg.data)
            except ValueError:
                # ok: broadcast-without-backpressure
                await ws.send_json({"error": "bad json"})
                continue
            # ruleid: blocking-call-in-async-handler
            cur.execute("INSERT INTO events (kind, body) VALUES (%s, %s)", (data.get("kind"), msg.data))
            await broadcast(msg.data)
    finally:
        sockets.discard(ws)
    return ws


async def upload_handler(request: web.Request) -> web.WebSocketResponse:
    # ok: unbounded-message-size
    ws = web.WebSocketResponse(heartbeat=30, max_msg_size=8 * 1024 * 1024)
    await ws.prepare(request)
    async for msg in ws:
        if msg.type == WSMsgType.BINARY:
            request.app["uploads"].append(len(msg.data))
    return ws


def make_app() -> web.Application:
    app = web.Application()
    app["uploads"] = []
    app.router.add_get("/ws", ws_handler)
    app.router.add_get("/ws/upload", upload_handler)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), port=8080)
