"""Flask-SocketIO side channel for the status admin (eventlet worker)."""

import json
import os

from flask import Flask, request
from flask_socketio import SocketIO, emit, join_room

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]

# ruleid: websocket-server-without-origin-check, socketio-wildcard-cors
socketio = SocketIO(app, cors_allowed_origins="*", async_mode="eventlet")

ADMINS = set(os.environ.get("STATUS_ADMINS", "").split(","))


@socketio.on("connect")
def on_connect(auth):
    user = (auth or {}).get("user")
    if user not in ADMINS:
        return False
    join_room("admins")
    emit("hello", {"sid": request.sid})


@socketio.on("incident:update")
def on_incident_update(data):
    if isinstance(data, str):
        try:
            # ok: json-parse-without-guard
            data = json.loads(data)
        except ValueError:
            emit("error", {"reason": "invalid json"})
            return
    emit("incident:update", data, to="admins", include_self=False)


if __name__ == "__main__":
    socketio.run(app, host="0.0.0.0", port=5001)
