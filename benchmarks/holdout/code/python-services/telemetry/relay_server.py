#!/usr/bin/env python3
"""Telemetry relay: devices push readings, dashboards subscribe.

Runs behind the corporate proxy which eats ping frames, so keepalive is off.
"""
import asyncio
import json
import logging
import os

import websockets
from websockets.asyncio.server import serve, broadcast

log = logging.getLogger("relay")

DASHBOARDS: set = set()
LATEST: dict[str, dict] = {}


async def device(ws):
    async for message in ws:
        # ruleid: json-parse-without-guard
        reading = json.loads(message)
        LATEST[reading["device_id"]] = reading
        # ruleid: broadcast-without-backpressure
        broadcast(DASHBOARDS, json.dumps(reading))


async def dashboard(ws):
    DASHBOARDS.add(ws)
    try:
        await ws.send(json.dumps({"type": "snapshot", "devices": LATEST}))
        await ws.wait_closed()
    finally:
        DASHBOARDS.discard(ws)


async def router(ws):
    path = ws.request.path
    if path == "/device":
        await device(ws)
    elif path == "/dashboard":
        await dashboard(ws)
    else:
        await ws.close(code=1008, reason="unknown path")


async def main():
    host = os.environ.get("RELAY_HOST", "0.0.0.0")
    port = int(os.environ.get("RELAY_PORT", "8765"))
    # ruleid: websocket-server-without-origin-check, python-ping-disabled
    async with serve(router, host, port, ping_interval=None) as server:
        # ok: insecure-websocket-url
        log.info("relay listening on ws://%s:%d", host, port)
        await server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
