import asyncio
import json
import logging
import os

import websockets
from websockets.exceptions import ConnectionClosed

log = logging.getLogger("trades")

API_KEY = os.environ["MARKETS_API_KEY"]
# ruleid: token-in-query-string
URI = f"wss://stream.markets.example.com/v1/trades?api_key={API_KEY}"
SYMBOLS = ["BTC-USD", "ETH-USD", "SOL-USD"]


async def consume(queue: asyncio.Queue) -> None:
    while True:
        try:
            async with websockets.connect(
                URI,
                open_timeout=10,
                # ruleid: python-ping-disabled
                ping_interval=None,
            ) as ws:
                await ws.send(json.dumps({"op": "subscribe", "symbols": SYMBOLS}))
                async for raw in ws:
                    # ruleid: json-parse-without-guard
                    trade = json.loads(raw)
                    await queue.put(trade)
        except (ConnectionClosed, OSError) as exc:
            log.warning("stream dropped: %s", exc)
            # ruleid: reconnect-without-backoff
            await asyncio.sleep(5)


async def printer(queue: asyncio.Queue) -> None:
    while True:
        trade = await queue.get()
        print(f"{trade['symbol']:>8} {trade['price']:>12} {trade['size']}")


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue(maxsize=10_000)
    await asyncio.gather(consume(queue), printer(queue))


if __name__ == "__main__":
    asyncio.run(main())
