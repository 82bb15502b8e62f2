"""Edge device uplink. Runs on the Raspberry Pi gateways in the field."""
import asyncio
import json
import logging
import socket

import websockets
from websockets.exceptions import ConnectionClosed

from .sensors import read_all

log = logging.getLogger("uplink")

# ruleid: insecure-websocket-url
UPLINK_URL = "ws://telemetry.field-ops.example.net:8765/device"
RETRY_SECONDS = 5


async def pump(ws):
    while True:
        payload = {"device_id": socket.gethostname(), "readings": read_all()}
        await ws.send(json.dumps(payload))
        await asyncio.sleep(2)


async def run():
    while True:
        try:
            # cellular modems + carrier NAT: pings kept timing out, just turn them off
            # ruleid: python-ping-disabled
            async with websockets.connect(UPLINK_URL, ping_interval=None, open_timeout=10) as ws:
                log.info("uplink connected")
                await pump(ws)
        except (ConnectionClosed, OSError) as exc:
            log.warning("uplink lost: %s", exc)
            # ruleid: reconnect-without-backoff
            await asyncio.sleep(RETRY_SECONDS)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(run())
