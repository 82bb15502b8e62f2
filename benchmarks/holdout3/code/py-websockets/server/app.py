#!/usr/bin/env python3
"""Telemetry ingest for the factory floor dashboards (websockets >= 13)."""
import asyncio
import json
import logging
import signal

from websockets.asyncio.server import serve, ServerConnection
from websockets.exceptions import ConnectionClosed

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("ingest")

ORIGINS = ["https://dash.factory.example.com", "https://dash-staging.factory.example.com"]
SEND_QUEUE = 64

subscribers: dict[ServerConnection, asyncio.Queue[str]] = {}


def publish(reading: dict) -> None:
    frame = json.dumps(reading)
    for ws, queue in list(subscribers.items()):
        try:
            # ok: broadcast-without-backpressure
            queue.put_nowait(frame)
        except asyncio.QueueFull:
            log.warning("closing slow subscriber %s", ws.remote_address)
            asyncio.create_task(ws.close(1013, "slow consumer"))


async def writer(ws: ServerConnection, queue: asyncio.Queue[str]) -> None:
    while True:
        await ws.send(await queue.get())


async def handler(ws: ServerConnection) -> None:
    queue: asyncio.Queue[str] = asyncio.Queue(maxsize=SEND_QUEUE)
    subscribers[ws] = queue
    task = asyncio.create_task(writer(ws, queue))
    try:
        async for message in ws:
            try:
                # ok: json-parse-without-guard
                reading = json.loads(message)
            except json.JSONDecodeError:
                await ws.close(1007, "invalid json")
                break
            if isinstance(reading, dict) and "sensor" in reading:
                publish(reading)
    except ConnectionClosed:
        pass
    finally:
        task.cancel()
        subscribers.pop(ws, None)


async def main() -> None:
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)
    # ok: websocket-server-without-origin-check, unbounded-message-size
    async with serve(handler, "", 8001, origins=ORIGINS, max_size=2**16, ping_interval=20, ping_timeout=20):
        await stop


if __name__ == "__main__":
    asyncio.run(main())
