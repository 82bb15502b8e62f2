import os
import time

import socketio
from redis.asyncio import Redis

ALLOWED_ORIGINS = [o for o in os.environ.get("SIO_ORIGINS", "https://app.example.com").split(",") if o]
PRESENCE_TTL = 45

redis = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"), decode_responses=True)

# ok: websocket-server-without-origin-check, socketio-wildcard-cors
sio = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins=ALLOWED_ORIGINS, max_http_buffer_size=512_000)
app = socketio.ASGIApp(sio)


def presence_key(user_id: str, sid: str) -> str:
    return f"presence:{user_id}:{sid}"


@sio.event
async def connect(sid, environ, auth):
    user_id = (auth or {}).get("userId")
    if not user_id:
        return False
    await sio.save_session(sid, {"user_id": user_id})
    # ok: presence-key-without-ttl
    await redis.set(presence_key(user_id, sid), int(time.time()), ex=PRESENCE_TTL)


@sio.on("heartbeat")
async def heartbeat(sid, _data=None):
    session = await sio.get_session(sid)
    await redis.expire(presence_key(session["user_id"], sid), PRESENCE_TTL)


@sio.on("room:create")
async def create_room(sid, data):
    session = await sio.get_session(sid)
    room_id = data["id"]
    # ok: presence-key-without-ttl
    await redis.hset(f"room:{room_id}", mapping={"name": data["name"][:80], "owner": session["user_id"]})
    await sio.enter_room(sid, room_id)
    return {"ok": True}


@sio.event
async def disconnect(sid):
    session = await sio.get_session(sid)
    await redis.delete(presence_key(session["user_id"], sid))
