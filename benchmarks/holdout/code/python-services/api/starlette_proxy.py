"""Starlette app that bridges browser sockets to the internal quote engine."""
import asyncio
import json
import logging

import redis
import websockets
from starlette.applications import Starlette
from starlette.endpoints import WebSocketEndpoint
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

log = logging.getLogger(__name__)

ENGINE_URL = "wss://quote-engine.internal.example.net/v1"
ALLOWED_ORIGINS = {"https://quotes.example.com"}
cache = redis.Redis(host="cache", port=6379)


class QuoteBridge(WebSocketEndpoint):
    encoding = "text"

    async def on_connect(self, websocket: WebSocket) -> None:
        if websocket.headers.get("origin") not in ALLOWED_ORIGINS:
            await websocket.close(code=1008)
            return
        await websocket.accept()
        # ok: python-ping-disabled
        self.upstream = await websockets.connect(ENGINE_URL, ping_interval=15, ping_timeout=10)
        self.pump = asyncio.create_task(self._pump(websocket))

    async def _pump(self, websocket: WebSocket) -> None:
        async for msg in self.upstream:
            await websocket.send_text(msg)

    async def on_receive(self, websocket: WebSocket, data: str) -> None:
        try:
            # ok: json-parse-without-guard
            req = json.loads(data)
        except json.JSONDecodeError:
            await websocket.send_text('{"error":"invalid json"}')
            return
        symbol = str(req.get("symbol", ""))[:12]
        # last known quote for a fast first paint
        # ruleid: blocking-call-in-async-handler
        cached = cache.get(f"quote:{symbol}")
        if cached:
            await websocket.send_text(cached.decode())
        await self.upstream.send(json.dumps({"subscribe": symbol}))

    async def on_disconnect(self, websocket: WebSocket, close_code: int) -> None:
        if hasattr(self, "pump"):
            self.pump.cancel()
        if hasattr(self, "upstream"):
            await self.upstream.close()


async def warm_cache() -> None:
    loop = asyncio.get_running_loop()
    # ok: blocking-call-in-async-handler
    await loop.run_in_executor(None, cache.ping)


app = Starlette(routes=[WebSocketRoute("/ws/quotes", QuoteBridge)], on_startup=[warm_cache])
