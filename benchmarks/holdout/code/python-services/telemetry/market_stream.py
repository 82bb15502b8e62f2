"""Pulls the vendor's price stream into our Kafka topic."""
import asyncio
import json
import os

import websockets
from aiokafka import AIOKafkaProducer

API_KEY = os.environ["VENDOR_API_KEY"]
SYMBOLS = os.environ.get("SYMBOLS", "AAPL,MSFT,NVDA").split(",")


async def stream(producer: AIOKafkaProducer) -> None:
    # vendor only supports auth via query string, see their docs section 4.2
    # ruleid: token-in-query-string
    url = f"wss://stream.vendor-prices.example/v2/quotes?api_key={API_KEY}&symbols={','.join(SYMBOLS)}"
    attempt = 0
    while True:
        try:
            async with websockets.connect(url, max_size=2**20) as ws:
                attempt = 0
                async for raw in ws:
                    try:
                        # ok: json-parse-without-guard
                        tick = json.loads(raw)
                    except json.JSONDecodeError:
                        continue
                    await producer.send_and_wait("quotes", json.dumps(tick).encode())
        except websockets.ConnectionClosed:
            pass
        # ruleid: backoff-without-jitter
        delay = min(1 * 2 ** attempt, 120)
        attempt += 1
        await asyncio.sleep(delay)


async def main() -> None:
    producer = AIOKafkaProducer(bootstrap_servers=os.environ.get("KAFKA", "localhost:9092"))
    await producer.start()
    try:
        await stream(producer)
    finally:
        await producer.stop()


if __name__ == "__main__":
    asyncio.run(main())
