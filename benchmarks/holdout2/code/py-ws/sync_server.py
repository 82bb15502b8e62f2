"""Thread-per-connection export server (websockets.sync). Blocking calls are fine here."""

import http
import json
import os
import time

import requests
from websockets.sync.server import serve

ALLOWED = set(os.environ.get("EXPORT_ORIGINS", "https://reports.example.com").split(","))
RENDER_URL = "https://render.internal.example.com/pdf"


def check_origin(connection, request):
    origin = request.headers.get("Origin")
    if origin not in ALLOWED:
        return connection.respond(http.HTTPStatus.FORBIDDEN, "origin not allowed\n")
    return None


def handler(websocket):
    for message in websocket:
        try:
            # ok: json-parse-without-guard
            job = json.loads(message)
        except json.JSONDecodeError:
            websocket.send('{"error": "invalid json"}')
            continue
        # ok: broadcast-without-backpressure
        websocket.send(json.dumps({"status": "rendering", "id": job.get("id")}))
        # ok: blocking-call-in-async-handler
        resp = requests.post(RENDER_URL, json=job, timeout=60)
        # ok: blocking-call-in-async-handler
        time.sleep(0.2)
        websocket.send(json.dumps({"status": "done", "id": job.get("id"), "url": resp.json().get("url")}))


def main():
    # ok: websocket-server-without-origin-check
    with serve(handler, "0.0.0.0", 8000, process_request=check_origin, max_size=2**20) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
