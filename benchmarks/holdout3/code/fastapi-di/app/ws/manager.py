from collections import defaultdict
from functools import lru_cache

from fastapi import WebSocket
from redis.asyncio import Redis

from app.settings import get_settings


class ConnectionManager:
    """One per process, injected with Depends(get_manager)."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis
        self.rooms: dict[str, list[WebSocket]] = defaultdict(list)

    async def connect(self, room: str, user_id: str, websocket: WebSocket) -> None:
        await websocket.accept()
        self.rooms[room].append(websocket)
        # ruleid: presence-key-without-ttl
        await self.redis.set(f"presence:{room}:{user_id}", "online")
        await self.broadcast(room, f'{{"type":"join","user":"{user_id}"}}')

    async def disconnect(self, room: str, user_id: str, websocket: WebSocket) -> None:
        if websocket in self.rooms[room]:
            self.rooms[room].remove(websocket)
        await self.redis.delete(f"presence:{room}:{user_id}")
        await self.broadcast(room, f'{{"type":"leave","user":"{user_id}"}}')

    async def send_personal(self, message: str, websocket: WebSocket) -> None:
        await websocket.send_text(message)

    async def broadcast(self, room: str, message: str) -> None:
        for connection in self.rooms[room]:
            # ruleid: broadcast-without-backpressure
            await connection.send_text(message)

    async def online_users(self, room: str) -> list[str]:
        keys = [k async for k in self.redis.scan_iter(f"presence:{room}:*")]
        return [k.decode().rsplit(":", 1)[-1] for k in keys]


@lru_cache
def get_manager() -> ConnectionManager:
    settings = get_settings()
    return ConnectionManager(Redis.from_url(settings.redis_url))
