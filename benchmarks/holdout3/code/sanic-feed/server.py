import asyncio
import json
import time

from sanic import Sanic, Request, Websocket
from sanic.log import logger

app = Sanic("scoreboard")
app.config.WEBSOCKET_PING_INTERVAL = 20
app.config.WEBSOCKET_PING_TIMEOUT = 20

app.ctx.clients = set()


@app.before_server_start
async def setup(app, _):
    app.ctx.clients = set()
    app.add_task(pump_scores(app))


async def pump_scores(app):
    while True:
        update = await fetch_next_update()
        message = json.dumps(update)
        for ws in list(app.ctx.clients):
            # ruleid: broadcast-without-backpressure
            await ws.send(message)
        # ok: blocking-call-in-async-handler
        await asyncio.sleep(0.25)


async def fetch_next_update():
    await asyncio.sleep(1)
    return {"match": 42, "home": 1, "away": 0, "at": time.time()}


@app.websocket("/feed")
async def feed(request: Request, ws: Websocket):
    origin = request.headers.get("origin")
    if origin not in request.app.config.get("FEED_ORIGINS", ["https://scores.example.com"]):
        await ws.close(code=1008, reason="origin")
        return
    request.app.ctx.clients.add(ws)
    try:
        async for msg in ws:
            try:
                # ok: json-parse-without-guard
                cmd = json.loads(msg)
            except (TypeError, ValueError):
                continue
            if cmd.get("op") == "replay":
                # ruleid: blocking-call-in-async-handler
                time.sleep(0.5)  # give the replay worker a head start
                await ws.send(json.dumps({"op": "replay", "from": cmd.get("from")}))
    finally:
        request.app.ctx.clients.discard(ws)
        logger.info("feed client left, %d remaining", len(request.app.ctx.clients))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, workers=2)
