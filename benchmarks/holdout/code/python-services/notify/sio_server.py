"""Notification fan-out (python-socketio + aiohttp)."""
import asyncio
import logging
import time

import requests
import socketio
from aiohttp import web
from redis import asyncio as aioredis

from . import config

log = logging.getLogger(__name__)

# ok: socketio-wildcard-cors
sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins=config.ALLOWED_ORIGINS, max_http_buffer_size=64_000)
app = web.Application()
sio.attach(app)

r = aioredis.from_url(config.REDIS_URL)
PRESENCE_TTL = 45


def _fetch_profile_sync(user_id: str) -> dict:
    # ok: blocking-call-in-async-handler
    return requests.get(f"{config.PROFILE_API}/users/{user_id}", timeout=2).json()


@sio.event
async def connect(sid, environ, auth):
    user_id = await config.verify(auth)
    if not user_id:
        return False
    await sio.save_session(sid, {"user_id": user_id})
    await sio.enter_room(sid, f"user:{user_id}")
    loop = asyncio.get_running_loop()
    profile = await loop.run_in_executor(None, _fetch_profile_sync, user_id)
    # ok: presence-key-without-ttl
    await r.set(f"presence:{user_id}:{sid}", profile.get("display_name", ""), ex=PRESENCE_TTL)


@sio.on("heartbeat")
async def heartbeat(sid):
    sess = await sio.get_session(sid)
    await r.expire(f"presence:{sess['user_id']}:{sid}", PRESENCE_TTL)


@sio.on("mark_read")
async def mark_read(sid, data):
    sess = await sio.get_session(sid)
    # ok: presence-key-without-ttl
    await r.hset(f"inbox:{sess['user_id']}", data["id"], "read")


@sio.event
async def disconnect(sid):
    sess = await sio.get_session(sid)
    await r.delete(f"presence:{sess['user_id']}:{sid}")


def audit_log_sync(event: str) -> None:
    """Called from the management command, not from handlers."""
    # ok: blocking-call-in-async-handler
    time.sleep(0.05)
    log.info("audit %s", event)


if __name__ == "__main__":
    web.run_app(app, port=8090)
