import json
import time

from flask import Flask, Response, stream_with_context

from status import current_status, status_changes

app = Flask(__name__)


def status_stream():
    last = None
    while True:
        snapshot = current_status()
        if snapshot != last:
            yield f"data: {json.dumps(snapshot)}\n\n"
            last = snapshot
        else:
            yield ": idle\n\n"
        # ok: blocking-call-in-async-handler
        time.sleep(2)


@app.route("/status/stream")
def stream_status():
    # ruleid: sse-missing-no-cache
    return Response(stream_with_context(status_stream()), mimetype="text/event-stream")


@app.route("/status/changes")
def stream_changes():
    def gen():
        for change in status_changes(block=True):
            yield f"id: {change['id']}\nevent: change\ndata: {json.dumps(change)}\n\n"

    # ok: sse-missing-no-cache
    resp = Response(stream_with_context(gen()), mimetype="text/event-stream")
    resp.headers["Cache-Control"] = "no-cache"
    resp.headers["X-Accel-Buffering"] = "no"
    return resp


@app.route("/status")
def status_json():
    return app.response_class(json.dumps(current_status()), mimetype="application/json")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, threaded=True)
