import json
import os
import time

import redis
from celery import shared_task

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1"))

# ok: json-parse-without-guard
EXPORT_LIMITS = json.loads(os.environ.get("EXPORT_LIMITS_JSON", '{"rows": 500000, "chunk": 5000}'))


def _progress(task_id: str, done: int, total: int, state: str = "PROGRESS") -> None:
    r.publish("task-progress", json.dumps({
        "task": task_id,
        "state": state,
        "done": done,
        "total": total,
        "at": time.time(),
    }))


@shared_task(bind=True, acks_late=True, max_retries=5)
def export_report(self, report_id: int, rows: int) -> dict:
    rows = min(rows, EXPORT_LIMITS["rows"])
    chunk = EXPORT_LIMITS["chunk"]
    for done in range(0, rows, chunk):
        # stand-in for the real query; this runs in a prefork worker, not an event loop
        # ok: blocking-call-in-async-handler
        time.sleep(0.05)
        _progress(self.request.id, done + chunk, rows)
    _progress(self.request.id, rows, rows, state="SUCCESS")
    return {"report": report_id, "rows": rows}


@shared_task(bind=True)
def mark_worker_online(self, worker_name: str) -> None:
    # worker liveness, refreshed every 30 s by celery beat
    # ok: presence-key-without-ttl
    r.set(f"presence:worker:{worker_name}", int(time.time()), ex=90)
