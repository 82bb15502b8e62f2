"""Service-to-service bus on the private network; browsers never connect here.

Origin checks do not apply to non-browser peers, so we authenticate with a
shared secret in process_request instead.
"""
import asyncio
import hmac
import json
import os
from http import HTTPStatus

from websockets.asyncio.server import serve, ServerConnection
from websockets.exceptions import ConnectionClosed

SECRET = os.environ["BUS_SECRET"].encode()

SERVER_OPTS = {
    "ping_interval": 15,
    "ping_timeout": 10,
    "max_size": 8 * 2**20,
    "compression": None,
}


def process_request(connection, request):
    supplied = request.headers.get("X-Bus-Secret", "").encode()
    if not hmac.compare_digest(supplied, SECRET):
        return connection.respond(HTTPStatus.FORBIDDEN, "forbidden\n")
    if request.headers.get("Origin") is not None:
        return connection.respond(HTTPStatus.FORBIDDEN, "browsers not allowed\n")
    return None


peers: set[ServerConnection] = set()


async def handler(ws: ServerConnection) -> None:
    peers.add(ws)
    try:
        async for raw in ws:
            try:
                # ok: json-parse-without-guard
                envelope = json.loads(raw)
            except ValueError:
                continue
            for peer in list(peers):
                if peer is ws:
                    continue
                try:
                    # ok: broadcast-without-backpressure
                    await asyncio.wait_for(peer.send(json.dumps(envelope)), timeout=0.5)
                except (asyncio.TimeoutError, ConnectionClosed):
                    peers.discard(peer)
    finally:
        peers.discard(ws)


async def main() -> None:
    # ok: websocket-server-without-origin-check
    async with serve(handler, "0.0.0.0", 9100, process_request=process_request, **SERVER_OPTS) as server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
