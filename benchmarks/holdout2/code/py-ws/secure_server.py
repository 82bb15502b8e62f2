"""Notification push server. Browsers connect from the web app only."""

import asyncio
import json
import logging
import os
import signal

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

log = logging.getLogger("push")

ALLOWED_ORIGINS = [o.strip() for o in os.environ.get("WS_ORIGINS", "https://app.example.com").split(",")]
SUBSCRIBERS: dict[str, set[ServerConnection]] = {}


async def handler(ws: ServerConnection) -> None:
    topics: set[str] = set()
    try:
        async for raw in ws:
            try:
                # ok: json-parse-without-guard
                msg = json.loads(raw)
            except (ValueError, TypeError):
                await ws.close(1007, "invalid json")
                return
            if msg.get("op") == "sub" and isinstance(msg.get("topic"), str):
                topics.add(msg["topic"])
                SUBSCRIBERS.setdefault(msg["topic"], set()).add(ws)
    except ConnectionClosed:
        pass
    finally:
        for t in topics:
            SUBSCRIBERS.get(t, set()).discard(ws)


async def main() -> None:
    stop = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, None)
    # ok: websocket-server-without-origin-check
    async with serve(
        handler,
        "0.0.0.0",
        8443,
        origins=ALLOWED_ORIGINS,
        # ok: unbounded-message-size
        max_size=64 * 1024,
        # ok: unbounded-message-size
        max_queue=None,
        # ok: python-ping-disabled
        ping_interval=20,
        ping_timeout=20,
    ) as server:
        await stop
        server.close(close_connections=True)
        await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
