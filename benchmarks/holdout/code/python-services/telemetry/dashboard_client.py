"""CLI that tails the relay's dashboard stream. Handy for on-call."""
import argparse
import asyncio
import json
import random
import sys

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

DEFAULT_URL = "wss://relay.example.net/dashboard"


def full_jitter(attempt: int, base: float = 0.5, cap: float = 30.0) -> float:
    # ok: backoff-without-jitter
    return random.uniform(0, min(cap, base * 2 ** attempt))


def legacy_delay(attempt: int) -> float:
    """Kept for the old Windows agent, which retries on its own schedule."""
    # ruleid: backoff-without-jitter
    return min(2 ** attempt, 60)


async def tail(url: str, token: str) -> None:
    # websockets' connect() used as an async iterator reconnects by itself
    # with exponential backoff and jitter.
    # ok: token-in-query-string
    async for ws in connect(url, additional_headers={"Authorization": f"Bearer {token}"}):
        try:
            async for message in ws:
                try:
                    # ok: json-parse-without-guard
                    event = json.loads(message)
                except ValueError:
                    print(f"?? {message!r}", file=sys.stderr)
                    continue
                print(f"{event.get('device_id', '-'):>20}  {event.get('readings')}")
        except ConnectionClosed:
            continue


async def tail_manual(url: str, token: str) -> None:
    attempt = 0
    while True:
        try:
            async with connect(url, additional_headers={"Authorization": f"Bearer {token}"}) as ws:
                attempt = 0
                async for message in ws:
                    print(message)
        except InvalidStatus as exc:
            if exc.response.status_code in (401, 403):
                raise SystemExit("token rejected")
        except (ConnectionClosed, OSError):
            pass
        # ok: reconnect-without-backoff
        await asyncio.sleep(full_jitter(attempt))
        attempt += 1


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--url", default=DEFAULT_URL)
    p.add_argument("--token", required=True)
    p.add_argument("--manual", action="store_true")
    a = p.parse_args()
    asyncio.run((tail_manual if a.manual else tail)(a.url, a.token))
