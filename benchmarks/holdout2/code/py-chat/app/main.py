import json
import logging
import os

import requests
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

log = logging.getLogger("chat")
app = FastAPI(title="support-chat")

MODERATION_URL = os.environ.get("MODERATION_URL", "https://moderation.internal.example.com/v1/check")


class ConnectionManager:
    def __init__(self) -> None:
        self.active_connections: dict[str, set[WebSocket]] = {}

    async def connect(self, room: str, websocket: WebSocket) -> None:
        await websocket.accept()
        self.active_connections.setdefault(room, set()).add(websocket)

    def disconnect(self, room: str, websocket: WebSocket) -> None:
        self.active_connections.get(room, set()).discard(websocket)

    async def broadcast(self, room: str, message: str) -> None:
        for connection in list(self.active_connections.get(room, ())):
            # ruleid: broadcast-without-backpressure
            await connection.send_text(message)


manager = ConnectionManager()


def is_allowed(text: str) -> bool:
    # Called from sync code paths (admin CLI), blocking is fine here.
    # ok: blocking-call-in-async-handler
    resp = requests.post(MODERATION_URL, json={"text": text}, timeout=2)
    return resp.ok and resp.json().get("allowed", True)


@app.websocket("/ws/{room}")
async def chat(websocket: WebSocket, room: str) -> None:
    await manager.connect(room, websocket)
    try:
        while True:
            data = await websocket.receive_text()
            # ruleid: json-parse-without-guard
            payload = json.loads(data)
            text = str(payload.get("text", ""))[:2000]
            # ruleid: blocking-call-in-async-handler
            verdict = requests.post(MODERATION_URL, json={"text": text}, timeout=2)
            if not verdict.json().get("allowed", True):
                # ok: broadcast-without-backpressure
                await websocket.send_text(json.dumps({"type": "rejected"}))
                continue
            await manager.broadcast(room, json.dumps({"type": "message", "user": payload.get("user"), "text": text}))
    except WebSocketDisconnect:
        manager.disconnect(room, websocket)
        log.info("client left %s", room)
