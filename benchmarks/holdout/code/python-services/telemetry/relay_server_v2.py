"""Relay v2: origin allow-list, bounded queues per dashboard."""
import asyncio
import json
import logging
from http import HTTPStatus

from websockets.asyncio.server import serve, ServerConnection
from websockets.exceptions import ConnectionClosed

from .settings import ALLOWED_ORIGINS, API_KEYS

log = logging.getLogger(__name__)

QUEUES: dict[ServerConnection, asyncio.Queue] = {}


def publish(payload: dict) -> None:
    data = json.dumps(payload)
    for ws, q in list(QUEUES.items()):
        try:
            # ok: broadcast-without-backpressure
            q.put_nowait(data)
        except asyncio.QueueFull:
            log.warning("dropping slow dashboard %s", ws.id)
            asyncio.create_task(ws.close(code=1013, reason="too slow"))


async def writer(ws: ServerConnection, q: asyncio.Queue) -> None:
    while True:
        msg = await q.get()
        await ws.send(msg)


async def handler(ws: ServerConnection) -> None:
    q: asyncio.Queue = asyncio.Queue(maxsize=200)
    QUEUES[ws] = q
    task = asyncio.create_task(writer(ws, q))
    try:
        async for raw in ws:
            try:
                # ok: json-parse-without-guard
                cmd = json.loads(raw)
            except json.JSONDecodeError:
                await ws.send(json.dumps({"error": "invalid json"}))
                continue
            if cmd.get("type") == "reading":
                publish(cmd)
    except ConnectionClosed:
        pass
    finally:
        task.cancel()
        QUEUES.pop(ws, None)


def check_key(connection, request):
    if request.headers.get("X-Api-Key") not in API_KEYS and request.path == "/device":
        return connection.respond(HTTPStatus.UNAUTHORIZED, "bad key\n")
    return None


async def main() -> None:
    # ok: websocket-server-without-origin-check
    async with serve(
        handler,
        "0.0.0.0",
        8765,
        origins=ALLOWED_ORIGINS + [None],  # None = non-browser devices
        process_request=check_key,
        # ok: unbounded-message-size
        max_size=64 * 1024,
        ping_interval=20,
        ping_timeout=20,
    ) as server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
