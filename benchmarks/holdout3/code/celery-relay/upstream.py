"""Mirror the vendor's status websocket into our Redis, for the relay to fan out."""
import asyncio
import json
import logging
import os

import websockets
from redis import asyncio as aioredis
from websockets.exceptions import ConnectionClosed, InvalidStatus

log = logging.getLogger("upstream")

VENDOR_WS = os.environ.get("VENDOR_WS", "wss://status.vendor.example.net/v1/feed")
VENDOR_KEY = os.environ["VENDOR_KEY"]
RETRY_SECONDS = 5


async def mirror_forever() -> None:
    redis = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1"))
    while True:
        try:
            async with websockets.connect(
                VENDOR_WS,
                # ok: token-in-query-string
                additional_headers={"X-Api-Key": VENDOR_KEY},
                open_timeout=10,
            ) as ws:
                log.info("connected to vendor feed")
                async for raw in ws:
                    try:
                        # ok: json-parse-without-guard
                        event = json.loads(raw)
                    except ValueError:
                        log.warning("vendor sent non-JSON frame, skipping")
                        continue
                    await redis.xadd("vendor-status", {"body": json.dumps(event)}, maxlen=10_000)
        except InvalidStatus as exc:
            if exc.response.status_code in (401, 403):
                log.error("vendor rejected our key; not retrying")
                return
        except (ConnectionClosed, OSError) as exc:
            log.warning("vendor feed dropped: %s", exc)
        # ruleid: reconnect-without-backoff
        await asyncio.sleep(RETRY_SECONDS)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(mirror_forever())
