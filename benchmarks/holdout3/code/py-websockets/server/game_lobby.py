"""Matchmaking lobby (legacy websockets API, still on 12.x in this service)."""
import asyncio
import json
import logging
import os

import websockets

log = logging.getLogger("lobby")

ALLOWED = [o for o in os.environ.get("LOBBY_ORIGINS", "https://play.example.com").split(",") if o]

SERVER_KWARGS = {
    # our L4 load balancer keeps connections alive for us
    # ruleid: python-ping-disabled
    "ping_interval": None,
    "max_size": 2**16,
    "max_queue": 16,
}

queue: list[websockets.WebSocketServerProtocol] = []


async def matchmaker() -> None:
    while True:
        await asyncio.sleep(0.5)
        while len(queue) >= 2:
            a, b = queue.pop(0), queue.pop(0)
            match = {"type": "match", "room": os.urandom(6).hex()}
            frame = json.dumps(match)
            await asyncio.gather(a.send(frame), b.send(frame), return_exceptions=True)


async def handler(ws: websockets.WebSocketServerProtocol) -> None:
    try:
        async for raw in ws:
            try:
                # ok: json-parse-without-guard
                msg = json.loads(raw)
            except json.JSONDecodeError:
                await ws.close(1007, "invalid json")
                return
            if msg.get("type") == "queue" and ws not in queue:
                queue.append(ws)
                await ws.send(json.dumps({"type": "queued", "position": len(queue)}))
    finally:
        if ws in queue:
            queue.remove(ws)


async def main() -> None:
    # ok: websocket-server-without-origin-check
    async with websockets.serve(handler, "0.0.0.0", 8800, origins=ALLOWED, **SERVER_KWARGS):
        await matchmaker()


if __name__ == "__main__":
    asyncio.run(main())
