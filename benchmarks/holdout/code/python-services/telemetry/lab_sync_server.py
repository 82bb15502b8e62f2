"""Lab bench controller: one operator at a time drives the instruments.

Uses the threading implementation of websockets — each connection gets its
own thread, so blocking instrument I/O is fine here.
"""
import json
import logging
import threading
import time

from websockets.sync.server import serve, ServerConnection

from .instruments import Bench

log = logging.getLogger("bench")
bench = Bench("/dev/ttyUSB0")
lock = threading.Lock()


def handler(ws: ServerConnection) -> None:
    if not lock.acquire(blocking=False):
        ws.close(code=1013, reason="bench busy")
        return
    try:
        for raw in ws:
            try:
                # ok: json-parse-without-guard
                cmd = json.loads(raw)
            except json.JSONDecodeError:
                ws.send(json.dumps({"error": "bad json"}))
                continue
            if cmd["op"] == "sweep":
                for freq in range(cmd["start"], cmd["stop"], cmd["step"]):
                    bench.set_freq(freq)
                    # ok: blocking-call-in-async-handler
                    time.sleep(cmd.get("settle", 0.05))
                    ws.send(json.dumps({"freq": freq, "dbm": bench.read_power()}))
            elif cmd["op"] == "reset":
                bench.reset()
                ws.send('{"ok": true}')
    finally:
        lock.release()


def main() -> None:
    # lab network only, operators connect from the bench laptops
    # ok: websocket-server-without-origin-check
    with serve(handler, "10.20.0.5", 8770, origins=["http://bench-ui.lab.local"], ping_interval=10) as server:
        # ok: insecure-websocket-url
        log.info("bench server on ws://10.20.0.5:8770")
        server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
