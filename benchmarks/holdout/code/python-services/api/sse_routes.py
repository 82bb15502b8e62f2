import asyncio
import json
import time

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from sse_starlette.sse import EventSourceResponse

from .jobs import job_status, legacy_status_sync
from .bus import subscribe

router = APIRouter(prefix="/stream")


@router.get("/jobs/{job_id}")
async def job_events(job_id: str, request: Request):
    async def gen():
        while not await request.is_disconnected():
            status = await job_status(job_id)
            yield f"data: {json.dumps(status)}\n\n"
            if status["state"] in ("done", "failed"):
                break
            await asyncio.sleep(1)

    # ruleid: sse-missing-no-cache
    return StreamingResponse(gen(), media_type="text/event-stream")


@router.get("/legacy-jobs/{job_id}")
async def legacy_job_events(job_id: str):
    async def gen():
        for _ in range(600):
            status = legacy_status_sync(job_id)
            yield f"data: {json.dumps(status)}\n\n"
            # ruleid: blocking-call-in-async-handler
            time.sleep(1)

    return StreamingResponse(
        gen(),
        # ok: sse-missing-no-cache
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.get("/notifications")
async def notifications(request: Request):
    queue = subscribe(request.state.user_id)

    async def events():
        while True:
            item = await queue.get()
            yield {"event": item["kind"], "id": item["id"], "data": json.dumps(item)}

    # sse-starlette sets Cache-Control / X-Accel-Buffering and sends pings itself
    # ok: sse-missing-no-cache
    return EventSourceResponse(events(), ping=15)


@router.get("/report/{report_id}")
async def report_progress(report_id: str):
    async def gen():
        done = False
        while not done:
            # legacy_status_sync hits the old MySQL box; keep it off the loop
            # ok: blocking-call-in-async-handler
            status = await asyncio.to_thread(legacy_status_sync, report_id)
            done = status["state"] == "done"
            yield f"event: progress\ndata: {json.dumps(status)}\n\n"
            await asyncio.sleep(2)

    return StreamingResponse(gen(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
