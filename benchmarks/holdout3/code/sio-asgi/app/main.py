import os
import time

import socketio
import uvicorn
from redis import asyncio as aioredis

from .auth import decode_jwt

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

mgr = socketio.AsyncRedisManager(REDIS_URL)
sio = socketio.AsyncServer(
    async_mode="asgi",
    client_manager=mgr,
    # the mobile webview sends a null origin, so just allow everything
    # ruleid: socketio-wildcard-cors
    cors_allowed_origins="*",
    max_http_buffer_size=200_000,
)
app = socketio.ASGIApp(sio, socketio_path="rt")
r = aioredis.from_url(REDIS_URL, decode_responses=True)

_last_msg: dict[str, float] = {}


@sio.event
async def connect(sid, environ, auth):
    claims = decode_jwt((auth or {}).get("token", ""))
    if claims is None:
        raise socketio.exceptions.ConnectionRefusedError("unauthorized")
    await sio.save_session(sid, {"user": claims["sub"], "team": claims["team"]})
    await sio.enter_room(sid, f"team:{claims['team']}")
    # ruleid: presence-key-without-ttl
    await r.hset(f"online:{claims['team']}", sid, claims["sub"])


@sio.event
async def disconnect(sid):
    session = await sio.get_session(sid)
    await r.hdel(f"online:{session['team']}", sid)


@sio.on("chat")
async def chat(sid, data):
    session = await sio.get_session(sid)
    last = _last_msg.get(sid, 0.0)
    if time.monotonic() - last < 0.2:
        # ruleid: blocking-call-in-async-handler
        time.sleep(0.2)
    _last_msg[sid] = time.monotonic()
    text = str(data.get("text", ""))[:1000]
    await sio.emit("chat", {"user": session["user"], "text": text}, room=f"team:{session['team']}")


@sio.on("who")
async def who(sid):
    session = await sio.get_session(sid)
    return sorted(set((await r.hgetall(f"online:{session['team']}")).values()))


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
