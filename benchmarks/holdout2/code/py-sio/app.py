import json
import os

import redis
import socketio

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1"), decode_responses=True)

# ruleid: websocket-server-without-origin-check, socketio-wildcard-cors
sio = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins="*")
app = socketio.ASGIApp(sio, socketio_path="/ws/socket.io")


@sio.event
async def connect(sid, environ, auth):
    user_id = (auth or {}).get("userId")
    if not user_id:
        raise socketio.exceptions.ConnectionRefusedError("missing user")
    await sio.save_session(sid, {"user_id": user_id})
    # ruleid: blocking-call-in-async-handler, presence-key-without-ttl
    r.sadd("online_users", user_id)
    await sio.emit("presence", {"user_id": user_id, "online": True})


@sio.event
async def disconnect(sid):
    session = await sio.get_session(sid)
    # ruleid: blocking-call-in-async-handler
    r.srem("online_users", session["user_id"])
    await sio.emit("presence", {"user_id": session["user_id"], "online": False})


@sio.on("join")
async def join(sid, data):
    await sio.enter_room(sid, f"room:{data['room']}")


@sio.on("typing")
async def typing(sid, data):
    session = await sio.get_session(sid)
    await sio.emit("typing", {"user_id": session["user_id"]}, room=f"room:{data['room']}", skip_sid=sid)


@sio.on("legacy:update")
async def legacy_update(sid, payload):
    # v1 mobile clients send a JSON string instead of an object
    # ruleid: json-parse-without-guard
    data = json.loads(payload)
    await sio.emit("update", data, room=f"room:{data['room']}", skip_sid=sid)
