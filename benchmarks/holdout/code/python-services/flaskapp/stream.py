import json
import time

import redis
from flask import Blueprint, Response, stream_with_context, request

bp = Blueprint("stream", __name__)
r = redis.Redis.from_url("redis://localhost:6379/0", decode_responses=True)


@bp.route("/stream/alerts")
def alerts():
    def generate():
        pubsub = r.pubsub()
        pubsub.subscribe("alerts")
        try:
            for message in pubsub.listen():
                if message["type"] != "message":
                    continue
                yield f"data: {message['data']}\n\n"
        finally:
            pubsub.close()

    # ruleid: sse-missing-no-cache
    return Response(stream_with_context(generate()), mimetype="text/event-stream")


@bp.route("/stream/clock")
def clock():
    def generate():
        while True:
            yield f"data: {json.dumps({'now': time.time()})}\n\n"
            # plain sync generator under gunicorn gthread workers
            # ok: blocking-call-in-async-handler
            time.sleep(1)

    resp = Response(stream_with_context(generate()), mimetype="text/event-stream")
    # ok: sse-missing-no-cache
    resp.headers["Cache-Control"] = "no-cache"
    resp.headers["X-Accel-Buffering"] = "no"
    return resp


@bp.route("/stream/deploys")
def deploys():
    last_id = request.headers.get("Last-Event-ID", "$")

    def generate():
        nonlocal last_id
        yield "retry: 10000\n\n"
        while True:
            entries = r.xread({"deploys": last_id}, block=15000, count=50)
            if not entries:
                yield ": keep-alive\n\n"
                continue
            for _stream, items in entries:
                for entry_id, fields in items:
                    last_id = entry_id
                    yield f"id: {entry_id}\nevent: deploy\ndata: {json.dumps(fields)}\n\n"

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    # ok: sse-missing-no-cache
    return Response(stream_with_context(generate()), mimetype="text/event-stream", headers=headers)
