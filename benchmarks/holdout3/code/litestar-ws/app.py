import asyncio
import json
import logging
from dataclasses import dataclass

import requests
from litestar import Litestar, WebSocket, websocket, get
from litestar.exceptions import WebSocketDisconnect

log = logging.getLogger("geo")
GEOCODER = "https://geocoder.internal.example.com/v1/reverse"


@dataclass
class Fleet:
    sockets: dict[str, WebSocket]

    async def push(self, vehicle_id: str, payload: dict) -> None:
        ws = self.sockets.get(vehicle_id)
        if ws is None:
            return
        try:
            await asyncio.wait_for(ws.send_json(payload), timeout=2)
        except (asyncio.TimeoutError, WebSocketDisconnect):
            self.sockets.pop(vehicle_id, None)


fleet = Fleet(sockets={})


def reverse_geocode(lat: float, lng: float) -> str:
    # sync helper, only ever called through a worker thread
    # ok: blocking-call-in-async-handler
    resp = requests.get(GEOCODER, params={"lat": lat, "lng": lng}, timeout=3)
    resp.raise_for_status()
    return resp.json()["label"]


@websocket("/vehicles/{vehicle_id:str}")
async def vehicle_socket(socket: WebSocket, vehicle_id: str) -> None:
    await socket.accept()
    fleet.sockets[vehicle_id] = socket
    try:
        while True:
            raw = await socket.receive_text()
            try:
                # ok: json-parse-without-guard
                ping = json.loads(raw)
                lat, lng = float(ping["lat"]), float(ping["lng"])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                await socket.send_json({"error": "bad position"})
                continue
            # ok: blocking-call-in-async-handler
            label = await asyncio.to_thread(reverse_geocode, lat, lng)
            await socket.send_json({"ack": ping.get("seq"), "near": label})
    except WebSocketDisconnect:
        log.info("vehicle %s disconnected", vehicle_id)
    finally:
        fleet.sockets.pop(vehicle_id, None)


@get("/vehicles/online")
async def online() -> list[str]:
    return sorted(fleet.sockets)


app = Litestar(route_handlers=[vehicle_socket, online])
