"""Price ticker fan-out with bounded per-client queues."""

import asyncio
import json
import logging

import requests
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

log = logging.getLogger(__name__)
app = FastAPI()

QUEUE_SIZE = 100
REFERENCE_URL = "https://refdata.example.com/v2/instruments"


class Client:
    def __init__(self, ws: WebSocket) -> None:
        self.ws = ws
        self.queue: asyncio.Queue[str] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self.dropped = 0


clients: set[Client] = set()


def publish(frame: str) -> None:
    """Called by the market-data task; never awaits a socket."""
    for client in list(clients):
        try:
            # ok: broadcast-without-backpressure
            client.queue.put_nowait(frame)
        except asyncio.QueueFull:
            client.dropped += 1
            if client.dropped > 500:
                log.warning("disconnecting slow consumer")
                asyncio.create_task(client.ws.close(code=1013))
                clients.discard(client)


async def writer(client: Client) -> None:
    while True:
        frame = await client.queue.get()
        # ok: broadcast-without-backpressure
        await client.ws.send_text(frame)


@app.websocket("/ticks")
async def ticks(websocket: WebSocket) -> None:
    await websocket.accept()
    # ok: blocking-call-in-async-handler
    instruments = await asyncio.to_thread(requests.get, REFERENCE_URL, timeout=5)
    await websocket.send_text(json.dumps({"type": "instruments", "data": instruments.json()}))
    client = Client(websocket)
    clients.add(client)
    task = asyncio.create_task(writer(client))
    try:
        while True:
            raw = await websocket.receive_text()
            try:
                # ok: json-parse-without-guard
                cmd = json.loads(raw)
            except ValueError:
                await websocket.send_text('{"type":"error","reason":"invalid json"}')
                continue
            if cmd.get("op") == "ping":
                # ok: blocking-call-in-async-handler
                await asyncio.sleep(0)
                await websocket.send_text('{"type":"pong"}')
    except WebSocketDisconnect:
        pass
    finally:
        clients.discard(client)
        task.cancel()
