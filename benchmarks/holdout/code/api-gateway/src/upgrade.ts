import { createServer, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, WebSocket } from "ws";
import { verifySession } from "./auth";
import { metrics } from "./metrics";

const ALLOWED_ORIGINS = new Set(
  (process.env.ALLOWED_ORIGINS ?? "https://app.example.com").split(",").map((o) => o.trim()),
);
const HIGH_WATER = 1 << 20; // 1 MiB queued per client before we start dropping

// ok: websocket-server-without-origin-check
const wss = new WebSocketServer({
  noServer: true,
  // ok: unbounded-message-size
  maxPayload: 64 * 1024,
});

const server = createServer((_req, res) => {
  res.writeHead(404).end();
});

function reject(socket: Duplex, code: number, reason: string) {
  socket.write(`HTTP/1.1 ${code} ${reason}\r\nConnection: close\r\n\r\n`);
  socket.destroy();
}

server.on("upgrade", async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
  if (!req.headers.origin || !ALLOWED_ORIGINS.has(req.headers.origin)) {
    metrics.increment("ws.rejected.origin");
    return reject(socket, 403, "Forbidden");
  }
  const user = await verifySession(req.headers.cookie);
  if (!user) return reject(socket, 401, "Unauthorized");

  wss.handleUpgrade(req, socket, head, (ws) => {
    wss.emit("connection", ws, req, user);
  });
});

export function publish(topic: string, payload: unknown) {
  const frame = JSON.stringify({ topic, payload });
  for (const client of wss.clients) {
    if (client.readyState !== WebSocket.OPEN) continue;
    if (client.bufferedAmount > HIGH_WATER) {
      metrics.increment("ws.dropped.slow_consumer");
      continue;
    }
    // ok: broadcast-without-backpressure
    client.send(frame);
  }
}

wss.on("connection", (ws: WebSocket, _req: IncomingMessage, user: { id: string }) => {
  ws.on("message", (data) => {
    let msg: { type?: string };
    try {
      // ok: json-parse-without-guard
      msg = JSON.parse(data.toString());
    } catch {
      ws.close(1007, "invalid JSON");
      return;
    }
    if (msg.type === "ping") ws.send(JSON.stringify({ type: "pong", user: user.id }));
  });
});

server.listen(Number(process.env.PORT ?? 8080));
