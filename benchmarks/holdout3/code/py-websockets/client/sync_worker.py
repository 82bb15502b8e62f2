"""Thread-based agent that ships host metrics to the local collector.

Uses websockets.sync, so blocking calls are fine here: there is no event loop.
"""
import json
import logging
import random
import socket
import threading
import time

from websockets.sync.client import connect
from websockets.exceptions import ConnectionClosed

log = logging.getLogger("agent")

# ok: insecure-websocket-url
COLLECTOR = "ws://localhost:9001/ingest"
BASE, CAP = 0.5, 30.0


def read_metrics() -> dict:
    with open("/proc/loadavg") as fh:
        load1, load5, load15 = fh.read().split()[:3]
    return {"host": socket.gethostname(), "load": [float(load1), float(load5), float(load15)], "ts": time.time()}


def run(stop: threading.Event) -> None:
    attempt = 0
    while not stop.is_set():
        try:
            # ok: python-ping-disabled
            with connect(COLLECTOR, open_timeout=5, ping_interval=10, ping_timeout=10) as ws:
                attempt = 0
                while not stop.is_set():
                    ws.send(json.dumps(read_metrics()))
                    reply = ws.recv(timeout=5)
                    try:
                        # ok: json-parse-without-guard
                        ack = json.loads(reply)
                    except ValueError:
                        ack = {}
                    if ack.get("slow_down"):
                        time.sleep(5)
                    # ok: blocking-call-in-async-handler
                    time.sleep(1)
        except (ConnectionClosed, OSError, TimeoutError) as exc:
            # ok: backoff-without-jitter
            delay = random.uniform(0, min(CAP, BASE * 2 ** attempt))
            attempt += 1
            log.info("collector unavailable (%s), retry in %.1fs", exc, delay)
            # ok: reconnect-without-backoff
            stop.wait(delay)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ev = threading.Event()
    try:
        run(ev)
    except KeyboardInterrupt:
        ev.set()
