"""Bulk ingest gateway for firmware uploads and log dumps.

Origin is validated in process_request because the allow-list comes from
the tenants table and changes at runtime.
"""
import asyncio
import json
import logging
from http import HTTPStatus

from websockets.asyncio.server import serve

from .tenants import origin_allowed, tenant_for_key
from .storage import store_chunk

log = logging.getLogger(__name__)


async def process_request(connection, request):
    origin = request.headers.get("Origin")
    if origin is not None and not await origin_allowed(origin):
        return connection.respond(HTTPStatus.FORBIDDEN, "origin not allowed\n")
    if tenant_for_key(request.headers.get("X-Api-Key")) is None:
        return connection.respond(HTTPStatus.UNAUTHORIZED, "unknown key\n")
    return None


async def ingest(ws):
    tenant = tenant_for_key(ws.request.headers["X-Api-Key"])
    async for frame in ws:
        if isinstance(frame, bytes):
            await store_chunk(tenant, frame)
            continue
        try:
            # ruleid: json-parse-without-guard
            header = json.loads(frame)
        except (ConnectionError, OSError):
            # network hiccup while reading metadata
            continue
        log.info("tenant %s: %s", tenant.id, header)


async def main():
    # ok: websocket-server-without-origin-check
    async with serve(
        ingest,
        "0.0.0.0",
        9000,
        process_request=process_request,
        # firmware images are up to 200 MB and come in a single message
        # ruleid: unbounded-message-size
        max_size=None,
        # ok: python-ping-disabled
        ping_timeout=None,
    ) as server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
