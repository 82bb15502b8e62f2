from flask import Flask, session
from flask_socketio import SocketIO, emit, join_room, disconnect

from .models import Project, user_can_view

app = Flask(__name__)
app.config.from_prefixed_env()

# Frontend runs on a different port in dev; TODO tighten for prod
# ruleid: socketio-wildcard-cors
socketio = SocketIO(app, cors_allowed_origins="*", async_mode="eventlet")


@socketio.on("connect")
def on_connect():
    if "user_id" not in session:
        return False
    emit("hello", {"user": session["user_id"]})


@socketio.on("watch_project")
def watch_project(data):
    project = Project.query.get(data.get("project_id"))
    if project is None or not user_can_view(session["user_id"], project):
        emit("error", {"message": "forbidden"})
        return
    join_room(f"project:{project.id}")
    emit("watching", {"project_id": project.id})


@socketio.on("leave")
def leave():
    disconnect()


def notify_project(project_id: int, payload: dict) -> None:
    socketio.emit("project_update", payload, to=f"project:{project_id}")


if __name__ == "__main__":
    socketio.run(app, host="0.0.0.0", port=5000)
