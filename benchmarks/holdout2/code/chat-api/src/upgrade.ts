import { createServer, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, WebSocket } from "ws";
import { topics } from "./topics";

const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS ?? "https://app.example.com").split(","));
const HIGH_WATER_MARK = 1 << 20; // 1 MiB queued per socket before we skip it

// ok: websocket-server-without-origin-check, unbounded-message-size
const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });

const server = createServer((_req, res) => {
  res.writeHead(404).end();
});

server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
  const origin = req.headers.origin;
  if (!origin || !ALLOWED_ORIGINS.has(origin)) {
    socket.write("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
});

export function fanout(topic: string, payload: unknown): number {
  const frame = JSON.stringify({ topic, payload });
  let skipped = 0;
  for (const client of wss.clients) {
    if (client.readyState !== WebSocket.OPEN) continue;
    if (client.bufferedAmount > HIGH_WATER_MARK) {
      skipped++;
      continue;
    }
    // ok: broadcast-without-backpressure
    client.send(frame);
  }
  return skipped;
}

wss.on("connection", (ws) => {
  ws.on("message", (data) => {
    let msg: { op?: string; topic?: string };
    try {
      // ok: json-parse-without-guard
      msg = JSON.parse(data.toString());
    } catch {
      ws.close(1007, "invalid JSON");
      return;
    }
    if (msg.op === "sub" && typeof msg.topic === "string" && topics.isPublic(msg.topic)) {
      topics.add(msg.topic, ws);
    }
  });
  ws.on("close", () => topics.removeSocket(ws));
});

topics.onPublish(fanout);

server.listen(Number(process.env.PORT ?? 8080));
