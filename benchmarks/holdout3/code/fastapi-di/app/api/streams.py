import asyncio
import json
from typing import AsyncIterator

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from sse_starlette.sse import EventSourceResponse

from app.auth import current_user
from app.events import EventBus, get_bus

router = APIRouter(prefix="/streams")


async def _events(request: Request, bus: EventBus, topic: str) -> AsyncIterator[str]:
    async with bus.subscribe(topic) as sub:
        while not await request.is_disconnected():
            try:
                evt = await asyncio.wait_for(sub.get(), timeout=15)
            except asyncio.TimeoutError:
                yield ": keep-alive\n\n"
                continue
            yield f"id: {evt.seq}\nevent: {evt.kind}\ndata: {json.dumps(evt.data)}\n\n"


@router.get("/builds/{build_id}")
async def build_stream(build_id: str, request: Request, bus: EventBus = Depends(get_bus), user=Depends(current_user)):
    return StreamingResponse(
        _events(request, bus, f"build:{build_id}"),
        # ruleid: sse-missing-no-cache
        media_type="text/event-stream",
    )


@router.get("/deployments/{env}")
async def deployment_stream(env: str, request: Request, bus: EventBus = Depends(get_bus), user=Depends(current_user)):
    return StreamingResponse(
        _events(request, bus, f"deploy:{env}"),
        # ok: sse-missing-no-cache
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.get("/notifications")
async def notifications(request: Request, bus: EventBus = Depends(get_bus), user=Depends(current_user)):
    async def gen():
        async with bus.subscribe(f"user:{user.id}") as sub:
            while True:
                evt = await sub.get()
                yield {"id": evt.seq, "event": evt.kind, "data": json.dumps(evt.data)}

    # sse-starlette sets Cache-Control/X-Accel-Buffering and sends ping comments itself
    return EventSourceResponse(gen(), ping=15)
