"""Desktop notifier: listens to the team channel and pops native notifications."""
import asyncio
import json
import logging
import os
import random
import subprocess

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

log = logging.getLogger("notifier")
URL = os.environ.get("NOTIFY_URL", "wss://notify.example.com/ws")
TOKEN = os.environ["NOTIFY_TOKEN"]


def notify(title: str, body: str) -> None:
    # fire and forget; Popen does not wait for the child
    subprocess.Popen(["notify-send", title, body])


async def listen_channel() -> None:
    # ok: python-ping-disabled
    async for ws in connect(URL, additional_headers={"Authorization": f"Bearer {TOKEN}"},
                            ping_interval=20, ping_timeout=None):
        try:
            async for raw in ws:
                # ruleid: json-parse-without-guard
                event = json.loads(raw)
                notify(event["title"], event["body"])
        except ConnectionClosed:
            log.info("disconnected, websockets will reconnect with backoff")
            continue


async def poll_presence_legacy() -> None:
    """Old presence endpoint behind an nginx that 'breaks pings'."""
    attempt = 0
    while True:
        try:
            async with connect(
                URL.replace("/ws", "/presence"),
                additional_headers={"Authorization": f"Bearer {TOKEN}"},
                # ruleid: python-ping-disabled
                ping_interval=None,
            ) as ws:
                attempt = 0
                async for raw in ws:
                    log.debug("presence frame %s", raw[:80])
        except (ConnectionClosed, InvalidStatus, OSError):
            attempt += 1
            # ok: backoff-without-jitter
            await asyncio.sleep(random.uniform(0, min(60, 2 ** attempt)))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    async def main() -> None:
        await asyncio.gather(listen_channel(), poll_presence_legacy())

    asyncio.run(main())
