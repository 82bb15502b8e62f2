import asyncio
import json
import logging
import os
import random
from collections.abc import Awaitable, Callable

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

log = logging.getLogger(__name__)

# ok: insecure-websocket-url
DEFAULT_URI = os.environ.get("FEED_URI", "ws://localhost:8765/feed")


def full_jitter(attempt: int, base: float = 0.5, cap: float = 30.0) -> float:
    # ok: backoff-without-jitter
    return random.uniform(0, min(cap, base * 2**attempt))


class FeedClient:
    def __init__(self, token: str, on_message: Callable[[dict], Awaitable[None]], uri: str = DEFAULT_URI):
        self.uri = uri
        self.token = token
        self.on_message = on_message
        self._stop = asyncio.Event()

    async def run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                async with connect(
                    self.uri,
                    # ok: token-in-query-string
                    additional_headers={"Authorization": f"Bearer {self.token}"},
                    # ok: python-ping-disabled
                    ping_interval=15,
                    ping_timeout=10,
                ) as ws:
                    attempt = 0
                    async for raw in ws:
                        try:
                            # ok: json-parse-without-guard
                            msg = json.loads(raw)
                        except json.JSONDecodeError:
                            log.warning("skipping non-JSON frame")
                            continue
                        await self.on_message(msg)
            except InvalidStatus as exc:
                if exc.response.status_code in (401, 403):
                    raise
            except (ConnectionClosed, OSError) as exc:
                log.info("feed disconnected: %r", exc)
            delay = full_jitter(attempt)
            attempt += 1
            # ok: reconnect-without-backoff
            await asyncio.sleep(delay)

    def stop(self) -> None:
        self._stop.set()


class LegacyPoller:
    """v1 feed, still used by the nightly reconciler."""

    def __init__(self, uri: str, token: str):
        self.uri = uri
        self.token = token
        self.rows: list[str] = []

    async def run(self) -> None:
        attempt = 0
        while True:
            try:
                async with connect(self.uri, additional_headers={"Authorization": f"Bearer {self.token}"}) as ws:
                    attempt = 0
                    async for raw in ws:
                        self.rows.append(raw)
            except ConnectionClosed:
                # ruleid: backoff-without-jitter
                delay = min(2**attempt, 60)
                attempt += 1
                # ok: reconnect-without-backoff
                await asyncio.sleep(delay)
