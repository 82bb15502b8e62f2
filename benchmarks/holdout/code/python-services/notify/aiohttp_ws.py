import json
import logging

import aiohttp
import psycopg2
from aiohttp import web

log = logging.getLogger(__name__)
routes = web.RouteTableDef()

conn = psycopg2.connect("dbname=support user=support")


@routes.get("/ws/tickets")
async def tickets_ws(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse(heartbeat=25, max_msg_size=128 * 1024)
    await ws.prepare(request)
    request.app["sockets"].add(ws)

    try:
        async for msg in ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                # ruleid: json-parse-without-guard
                cmd = json.loads(msg.data)
                if cmd["op"] == "load":
                    with conn.cursor() as cur:
                        # ruleid: blocking-call-in-async-handler
                        cur.execute("SELECT id, subject, status FROM tickets WHERE queue = %s", (cmd["queue"],))
                        rows = cur.fetchall()
                    await ws.send_json({"op": "tickets", "rows": rows})
            elif msg.type == aiohttp.WSMsgType.ERROR:
                log.warning("ws closed with %s", ws.exception())
    finally:
        request.app["sockets"].discard(ws)
    return ws


async def announce(app: web.Application, text: str) -> None:
    for ws in set(app["sockets"]):
        # ruleid: broadcast-without-backpressure
        await ws.send_str(json.dumps({"op": "announce", "text": text}))


async def on_shutdown(app: web.Application) -> None:
    for ws in set(app["sockets"]):
        await ws.close(code=aiohttp.WSCloseCode.GOING_AWAY, message=b"server shutdown")


def make_app() -> web.Application:
    app = web.Application()
    app["sockets"] = set()
    app.add_routes(routes)
    app.on_shutdown.append(on_shutdown)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), port=8088)
