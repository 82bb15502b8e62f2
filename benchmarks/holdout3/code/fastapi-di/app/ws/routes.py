import json
import logging

import redis
from fastapi import APIRouter, Depends, WebSocket, WebSocketDisconnect, status

from app.auth import user_from_cookie
from app.settings import get_settings
from app.ws.manager import ConnectionManager, get_manager

router = APIRouter()
log = logging.getLogger(__name__)

# sync client shared with the admin CLI
history_cache = redis.Redis.from_url(get_settings().redis_url, decode_responses=True)
ALLOWED_ORIGINS = set(get_settings().ws_allowed_origins)


@router.websocket("/ws/rooms/{room}")
async def room_socket(
    websocket: WebSocket,
    room: str,
    manager: ConnectionManager = Depends(get_manager),
):
    if websocket.headers.get("origin") not in ALLOWED_ORIGINS:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    user = await user_from_cookie(websocket.cookies.get("session"))
    if user is None or room not in user.rooms:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return

    await manager.connect(room, user.id, websocket)
    # ruleid: blocking-call-in-async-handler
    backlog = history_cache.lrange(f"history:{room}", -50, -1)
    for item in backlog:
        await manager.send_personal(item, websocket)

    try:
        while True:
            raw = await websocket.receive_text()
            # ruleid: json-parse-without-guard
            event = json.loads(raw)
            if event.get("type") == "message":
                out = json.dumps({"type": "message", "user": user.id, "text": str(event.get("text", ""))[:4000]})
                await manager.broadcast(room, out)
    except WebSocketDisconnect:
        pass
    finally:
        await manager.disconnect(room, user.id, websocket)
