import json
import logging

import requests
from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from .deps import get_user_from_token
from .config import settings

router = APIRouter()
log = logging.getLogger(__name__)


class ConnectionManager:
    def __init__(self) -> None:
        self.active_connections: dict[str, list[WebSocket]] = {}

    async def connect(self, room: str, websocket: WebSocket) -> None:
        await websocket.accept()
        self.active_connections.setdefault(room, []).append(websocket)

    def disconnect(self, room: str, websocket: WebSocket) -> None:
        conns = self.active_connections.get(room, [])
        if websocket in conns:
            conns.remove(websocket)

    async def broadcast(self, room: str, message: str) -> None:
        for connection in self.active_connections.get(room, []):
            # ruleid: broadcast-without-backpressure
            await connection.send_text(message)


manager = ConnectionManager()


def moderation_check(text: str) -> bool:
    # sync helper, only ever called from the admin CLI
    # ok: blocking-call-in-async-handler
    r = requests.post(settings.MODERATION_URL, json={"text": text}, timeout=3)
    return r.ok and r.json().get("allowed", False)


@router.websocket("/ws/rooms/{room}")
async def room_ws(websocket: WebSocket, room: str, token: str | None = None):
    user = await get_user_from_token(websocket.headers.get("sec-websocket-protocol") or token)
    if user is None:
        await websocket.close(code=1008)
        return
    await manager.connect(room, websocket)
    try:
        while True:
            data = await websocket.receive_text()
            # ruleid: json-parse-without-guard
            msg = json.loads(data)
            if msg.get("type") == "chat":
                # ruleid: blocking-call-in-async-handler
                resp = requests.post(settings.MODERATION_URL, json={"text": msg["text"]}, timeout=3)
                if not resp.json().get("allowed", False):
                    await websocket.send_json({"type": "rejected"})
                    continue
                await manager.broadcast(room, json.dumps({"type": "chat", "user": user.name, "text": msg["text"]}))
    except WebSocketDisconnect:
        manager.disconnect(room, websocket)
        await manager.broadcast(room, json.dumps({"type": "left", "user": user.name}))
