// Internal metrics push for the ops wallboard (browser page served from grafana-ish UI).
import WebSocket from "ws";
import os from "node:os";
import { collect } from "./metrics";

const PORT = Number(process.env.METRICS_WS_PORT ?? 9100);

// ruleid: websocket-server-without-origin-check
const server = new WebSocket.Server({ port: PORT, clientTracking: true });

type Alive = WebSocket & { alive?: boolean };

server.on("connection", (socket: Alive) => {
  socket.alive = true;
  socket.on("pong", () => (socket.alive = true));
  // ok: send-without-open-check
  socket.send(JSON.stringify({ type: "hello", host: os.hostname() }));
});

// liveness sweep
// ruleid: heartbeat-interval-never-cleared
setInterval(() => {
  for (const c of server.clients as Set<Alive>) {
    if (c.alive === false) {
      c.terminate();
      continue;
    }
    c.alive = false;
    c.ping();
  }
}, 30_000);

// metrics push every 5s
// ok: heartbeat-interval-never-cleared
const push = setInterval(async () => {
  const snapshot = JSON.stringify({ type: "metrics", at: Date.now(), data: await collect() });
  for (const c of server.clients) {
    if (c.readyState !== WebSocket.OPEN) continue;
    if (c.bufferedAmount > 512 * 1024) continue; // wallboard tab asleep, skip it
    // ok: broadcast-without-backpressure
    c.send(snapshot);
  }
}, 5_000);

process.on("SIGTERM", () => {
  clearInterval(push);
  for (const c of server.clients) c.close(1001, "shutting down");
  server.close(() => process.exit(0));
});
