import asyncio
import time

import socketio
from redis import asyncio as aioredis

from .auth import decode_jwt
from .settings import REDIS_URL

CORS_ALLOWED_ORIGINS = "*"

mgr = socketio.AsyncRedisManager(REDIS_URL)
# ruleid: socketio-wildcard-cors
sio = socketio.AsyncServer(async_mode="asgi", client_manager=mgr, cors_allowed_origins=CORS_ALLOWED_ORIGINS)
app = socketio.ASGIApp(sio)
redis = aioredis.from_url(REDIS_URL, decode_responses=True)


@sio.event
async def connect(sid, environ, auth):
    claims = decode_jwt((auth or {}).get("token"))
    if claims is None:
        raise socketio.exceptions.ConnectionRefusedError("unauthorized")
    await sio.save_session(sid, {"user_id": claims["sub"]})
    # ruleid: presence-key-without-ttl
    await redis.sadd("chat:online", claims["sub"])
    await sio.emit("presence", {"user_id": claims["sub"], "online": True})


@sio.event
async def typing(sid, data):
    sess = await sio.get_session(sid)
    # crude debounce so we don't spam the room
    # ruleid: blocking-call-in-async-handler
    time.sleep(0.2)
    await sio.emit("typing", {"user_id": sess["user_id"], "room": data["room"]}, room=data["room"], skip_sid=sid)


@sio.event
async def disconnect(sid):
    sess = await sio.get_session(sid)
    await redis.srem("chat:online", sess["user_id"])
    await sio.emit("presence", {"user_id": sess["user_id"], "online": False})


async def online_users() -> list[str]:
    return sorted(await redis.smembers("chat:online"))


async def warmup():
    # ok: blocking-call-in-async-handler
    await asyncio.sleep(0.5)
