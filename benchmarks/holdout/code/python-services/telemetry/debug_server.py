"""Local debugging server used by `make dev`. Not deployed."""
import asyncio
import json
import time
from contextlib import suppress

from websockets.asyncio.server import serve

CLIENTS = set()


async def echo(ws):
    CLIENTS.add(ws)
    try:
        async for message in ws:
            payload = {}
            with suppress(ValueError):
                # ok: json-parse-without-guard
                payload = json.loads(message)
            if payload.get("slow"):
                # simulate a slow backend
                # ruleid: blocking-call-in-async-handler
                time.sleep(payload["slow"])
            for other in CLIENTS:
                if other is not ws:
                    # ruleid: broadcast-without-backpressure
                    await other.send(message)
    finally:
        CLIENTS.discard(ws)


SERVER_OPTS = {
    # ruleid: unbounded-message-size
    "max_size": None,
    # ruleid: python-ping-disabled
    "ping_interval": None,
}


async def main():
    # ok: websocket-server-without-origin-check
    async with serve(echo, "127.0.0.1", 8765, origins=["http://localhost:5173"], **SERVER_OPTS):
        await asyncio.get_running_loop().create_future()


if __name__ == "__main__":
    asyncio.run(main())
