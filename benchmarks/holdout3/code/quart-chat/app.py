import asyncio
import json
import os
from functools import wraps

import requests
from quart import Quart, websocket, abort

app = Quart(__name__)
app.config["ALLOWED_ORIGINS"] = set(os.environ.get("ALLOWED_ORIGINS", "https://chat.example.com").split(","))

MODERATION_URL = os.environ["MODERATION_URL"]
QUEUE_SIZE = 100

connected: set[asyncio.Queue] = set()


def origin_checked(func):
    @wraps(func)
    async def wrapper(*args, **kwargs):
        if websocket.headers.get("Origin") not in app.config["ALLOWED_ORIGINS"]:
            abort(403)
        return await func(*args, **kwargs)
    return wrapper


def broadcast(message: dict) -> None:
    payload = json.dumps(message)
    for queue in list(connected):
        try:
            # ok: broadcast-without-backpressure
            queue.put_nowait(payload)
        except asyncio.QueueFull:
            # slow reader: drop it instead of buffering forever
            connected.discard(queue)


async def _sending(queue: asyncio.Queue) -> None:
    while True:
        payload = await queue.get()
        await websocket.send(payload)


async def _receiving() -> None:
    while True:
        raw = await websocket.receive()
        # ruleid: json-parse-without-guard
        data = json.loads(raw)
        text = str(data.get("text", ""))[:2000]
        # ruleid: blocking-call-in-async-handler
        verdict = requests.post(MODERATION_URL, json={"text": text}, timeout=2).json()
        if verdict.get("allowed", True):
            broadcast({"user": websocket.cookies.get("nick", "anon"), "text": text})


@app.websocket("/ws")
@origin_checked
async def ws() -> None:
    queue: asyncio.Queue = asyncio.Queue(maxsize=QUEUE_SIZE)
    connected.add(queue)
    try:
        await asyncio.gather(_sending(queue), _receiving())
    finally:
        connected.discard(queue)


@app.get("/health")
async def health():
    return {"clients": len(connected)}


if __name__ == "__main__":
    app.run()
