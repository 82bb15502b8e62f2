"""Push Celery task progress to browsers.

Workers publish progress on Redis channel ``task-progress``; browsers open a
socket, send the task id they care about, and receive updates until done.
"""
import asyncio
import json
import logging
import os

from celery.result import AsyncResult
from redis import asyncio as aioredis
from websockets.asyncio.server import serve, ServerConnection
from websockets.exceptions import ConnectionClosed

from worker import celery_app

log = logging.getLogger("relay")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/1")
HOST, PORT = "0.0.0.0", int(os.environ.get("RELAY_PORT", "8765"))

watchers: dict[str, set[ServerConnection]] = {}


async def handler(ws: ServerConnection) -> None:
    task_id = (await ws.recv()).strip()
    watchers.setdefault(task_id, set()).add(ws)
    try:
        result = AsyncResult(task_id, app=celery_app)
        if result.ready():
            # ruleid: blocking-call-in-async-handler
            value = result.get(timeout=30)
            await ws.send(json.dumps({"task": task_id, "state": "SUCCESS", "result": value}))
            return
        await ws.wait_closed()
    except ConnectionClosed:
        pass
    finally:
        watchers.get(task_id, set()).discard(ws)


async def pump() -> None:
    redis = aioredis.from_url(REDIS_URL)
    async with redis.pubsub() as ps:
        await ps.subscribe("task-progress")
        async for item in ps.listen():
            if item["type"] != "message":
                continue
            # published by our own workers
            # ok: json-parse-without-guard
            update = json.loads(item["data"])
            for ws in list(watchers.get(update["task"], ())):
                try:
                    # ok: broadcast-without-backpressure
                    await asyncio.wait_for(ws.send(item["data"]), timeout=1)
                except (asyncio.TimeoutError, ConnectionClosed):
                    await ws.close(1013, "too slow")


async def main() -> None:
    # ruleid: websocket-server-without-origin-check
    async with serve(
        handler,
        HOST,
        PORT,
        # the corporate proxy eats ping frames
        # ruleid: python-ping-disabled
        ping_interval=None,
        # ruleid: unbounded-message-size
        max_size=None,
    ) as server:
        # ok: insecure-websocket-url
        log.info("relay listening on ws://%s:%d", HOST, PORT)
        await asyncio.gather(server.serve_forever(), pump())


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
