"""Admin namespace mounted next to the public one, on its own server."""
import asyncio
import json
import logging

import socketio

from .settings import settings

log = logging.getLogger("admin")

admin_sio = socketio.AsyncServer(
    async_mode="asgi",
    # ok: socketio-wildcard-cors
    cors_allowed_origins=settings.admin_origins,
    logger=False,
)

# Internal tooling server: same-origin only (python-socketio's default)
# ok: socketio-wildcard-cors
ops_sio = socketio.AsyncServer(async_mode="asgi")

admin_app = socketio.ASGIApp(admin_sio, socketio_path="admin-rt")
ops_app = socketio.ASGIApp(ops_sio, socketio_path="ops-rt")


@admin_sio.event
async def connect(sid, environ, auth):
    if not auth or auth.get("key") != settings.admin_key:
        return False
    log.info("admin %s connected", sid)


@admin_sio.on("broadcast_notice")
async def broadcast_notice(sid, payload):
    # dashboards send a JSON string from a textarea
    try:
        # ok: json-parse-without-guard
        notice = json.loads(payload)
    except (TypeError, json.JSONDecodeError) as exc:
        return {"ok": False, "error": str(exc)}
    await admin_sio.emit("notice", notice)
    return {"ok": True}


def _read_flags() -> dict:
    with open(settings.flags_path, encoding="utf-8") as fh:
        # local config file, not client input
        # ok: json-parse-without-guard
        return json.load(fh)


@ops_sio.on("reload_flags")
async def reload_flags(sid, data):
    flags = await asyncio.to_thread(_read_flags)
    await ops_sio.emit("flags", flags)
    return len(flags)
