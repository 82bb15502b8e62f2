"""Pull trades from the exchange and write them to ClickHouse in batches."""
import asyncio
import json
import logging
import os

import websockets
from websockets.exceptions import ConnectionClosed

from sink import BatchWriter

log = logging.getLogger("trades")
API_KEY = os.environ["EXCHANGE_API_KEY"]
PAIRS = os.environ.get("PAIRS", "BTC-USD,ETH-USD").split(",")


async def consume(writer: BatchWriter) -> None:
    attempt = 0
    # ruleid: token-in-query-string
    uri = f"wss://stream.exchange.example.com/v2/trades?api_key={API_KEY}"
    while True:
        try:
            async with websockets.connect(
                uri,
                # the exchange's load balancer answers pings with 400s, so turn them off
                # ruleid: python-ping-disabled
                ping_interval=None,
                close_timeout=5,
            ) as ws:
                attempt = 0
                await ws.send(json.dumps({"op": "subscribe", "pairs": PAIRS}))
                async for raw in ws:
                    try:
                        # ok: json-parse-without-guard
                        trade = json.loads(raw)
                    except json.JSONDecodeError:
                        log.warning("bad frame: %.80r", raw)
                        continue
                    writer.add(trade)
        except (ConnectionClosed, OSError) as exc:
            # ruleid: backoff-without-jitter
            delay = min(2 ** attempt, 60)
            attempt += 1
            log.warning("stream dropped (%s); retrying in %ss", exc, delay)
            # ok: reconnect-without-backoff
            await asyncio.sleep(delay)


async def main() -> None:
    writer = BatchWriter(table="trades", max_rows=5_000, max_age=2.0)
    await asyncio.gather(consume(writer), writer.run())


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
