import asyncio
import json
import time

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.endpoints import WebSocketEndpoint
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

from thumbnails import render_thumbnail  # CPU-bound, sync

LAST_SEEN: dict[int, float] = {}


class PreviewEndpoint(WebSocketEndpoint):
    encoding = "text"

    async def on_connect(self, websocket: WebSocket) -> None:
        await websocket.accept()
        LAST_SEEN[id(websocket)] = 0.0

    async def on_receive(self, websocket: WebSocket, data: str) -> None:
        since = time.monotonic() - LAST_SEEN.get(id(websocket), 0.0)
        if since < 0.2:
            # crude per-connection rate limit
            # ruleid: blocking-call-in-async-handler
            time.sleep(0.2 - since)
        LAST_SEEN[id(websocket)] = time.monotonic()
        try:
            # ok: json-parse-without-guard
            req = json.loads(data)
        except json.JSONDecodeError:
            await websocket.close(code=1007)
            return
        # ok: blocking-call-in-async-handler
        png_url = await run_in_threadpool(render_thumbnail, req["asset"], req.get("size", 256))
        await websocket.send_text(json.dumps({"asset": req["asset"], "url": png_url}))

    async def on_disconnect(self, websocket: WebSocket, close_code: int) -> None:
        LAST_SEEN.pop(id(websocket), None)


async def warmup() -> None:
    # ok: blocking-call-in-async-handler
    await asyncio.sleep(0.1)


app = Starlette(routes=[WebSocketRoute("/preview", PreviewEndpoint)], on_startup=[warmup])
