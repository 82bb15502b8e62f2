import asyncio
import json
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from sse_starlette.sse import EventSourceResponse

from .jobs import job_events, report_rows

router = APIRouter()


async def progress_events(job_id: str, request: Request) -> AsyncIterator[str]:
    async for evt in job_events(job_id):
        if await request.is_disconnected():
            break
        yield f"id: {evt.seq}\nevent: progress\ndata: {json.dumps(evt.data)}\n\n"


@router.get("/reports/{job_id}/progress")
async def report_progress(job_id: str, request: Request) -> StreamingResponse:
    # ruleid: sse-missing-no-cache
    return StreamingResponse(progress_events(job_id, request), media_type="text/event-stream")


@router.get("/reports/{job_id}/rows")
async def report_row_stream(job_id: str, request: Request) -> EventSourceResponse:
    async def rows():
        async for row in report_rows(job_id):
            if await request.is_disconnected():
                return
            yield {"event": "row", "data": json.dumps(row)}

    # ok: sse-missing-no-cache
    return EventSourceResponse(rows(), ping=15)


async def clock() -> AsyncIterator[str]:
    while True:
        yield f"data: {asyncio.get_running_loop().time():.0f}\n\n"
        await asyncio.sleep(1)


SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


@router.get("/clock")
async def clock_stream() -> StreamingResponse:
    # ok: sse-missing-no-cache
    return StreamingResponse(clock(), media_type="text/event-stream", headers=SSE_HEADERS)
