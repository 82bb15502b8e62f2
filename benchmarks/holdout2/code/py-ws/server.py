"""Tic-tac-toe relay, asyncio websockets >= 13."""

import asyncio
import json
import logging
import time

from websockets.asyncio.server import serve

logging.basicConfig(level=logging.INFO)

CONNECTIONS = set()
BOARD = [[None] * 3 for _ in range(3)]


def apply_move(player, row, col):
    if BOARD[row][col] is None:
        BOARD[row][col] = player
        return True
    return False


async def handler(websocket):
    CONNECTIONS.add(websocket)
    try:
        async for message in websocket:
            try:
                # ok: json-parse-without-guard
                event = json.loads(message)
            except json.JSONDecodeError:
                continue
            if event.get("type") != "move":
                continue
            # give the rules engine time to settle (legacy)
            # ruleid: blocking-call-in-async-handler
            time.sleep(0.05)
            if not apply_move(event["player"], int(event["row"]), int(event["col"])):
                # ok: broadcast-without-backpressure
                await websocket.send(json.dumps({"type": "error", "reason": "occupied"}))
                continue
            frame = json.dumps({"type": "board", "board": BOARD})
            for ws in CONNECTIONS:
                # ruleid: broadcast-without-backpressure
                await ws.send(frame)
    finally:
        CONNECTIONS.discard(websocket)


async def main():
    # ruleid: websocket-server-without-origin-check
    async with serve(
        handler,
        "0.0.0.0",
        8765,
        # ruleid: unbounded-message-size
        max_size=None,
        # the ALB seems to eat our pings?? disabling until we figure it out
        # ruleid: python-ping-disabled
        ping_interval=None,
    ) as server:
        # ok: insecure-websocket-url
        logging.info("listening on ws://0.0.0.0:8765")
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
