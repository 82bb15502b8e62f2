"""Document sync server; options are shared with the load-test harness."""

import asyncio
import json
import os

import redis
from websockets.asyncio.server import serve

cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))

SERVER_OPTS = {
    "origins": ["https://docs.example.com", "https://docs-staging.example.com"],
    # ruleid: unbounded-message-size
    "max_size": None,  # full document snapshots can be large
    # ruleid: python-ping-disabled
    "ping_interval": None,  # nginx in front handles keepalive
    "compression": None,
}


async def handler(websocket):
    doc_id = websocket.request.path.rsplit("/", 1)[-1]
    # ruleid: blocking-call-in-async-handler
    snapshot = cache.get(f"doc:{doc_id}:snapshot")
    if snapshot is not None:
        # Our own serialized snapshot, written by the compactor.
        # ok: json-parse-without-guard
        state = json.loads(snapshot)
        await websocket.send(json.dumps({"type": "snapshot", "rev": state["rev"], "doc": state["doc"]}))
    async for message in websocket:
        # ok: broadcast-without-backpressure
        await websocket.send(json.dumps({"type": "ack", "size": len(message)}))


async def main():
    # ok: websocket-server-without-origin-check
    async with serve(handler, "", int(os.environ.get("PORT", "9000")), **SERVER_OPTS) as server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
