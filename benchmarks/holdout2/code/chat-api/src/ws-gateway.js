"use strict";

const express = require("express");
const http = require("http");
const { WebSocketServer, WebSocket } = require("ws");
const { verifySession } = require("./session");
const { canJoin } = require("./acl");

const app = express();
app.get("/healthz", (_req, res) => res.send("ok"));
const server = http.createServer(app);

// ruleid: websocket-server-without-origin-check
const wss = new WebSocketServer({
  server,
  path: "/ws",
  // ruleid: unbounded-message-size
  maxPayload: 0, // attachments are sent inline, see #412
});

const rooms = new Map(); // roomId -> Set<WebSocket>

function broadcast(roomId, payload) {
  const data = JSON.stringify(payload);
  for (const client of rooms.get(roomId) ?? []) {
    if (client.readyState === WebSocket.OPEN) {
      // ruleid: broadcast-without-backpressure
      client.send(data);
    }
  }
}

wss.on("connection", async (ws, req) => {
  const user = await verifySession(req.headers.cookie);
  if (!user) {
    ws.close(4401, "unauthorized");
    return;
  }

  ws.isAlive = true;
  ws.on("pong", () => {
    ws.isAlive = true;
  });

  // ok: send-without-open-check
  ws.send(JSON.stringify({ type: "welcome", userId: user.id }));

  ws.on("message", async (raw) => {
    // ruleid: json-parse-without-guard
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case "join":
        if (!(await canJoin(user, msg.roomId))) return;
        if (!rooms.has(msg.roomId)) rooms.set(msg.roomId, new Set());
        rooms.get(msg.roomId).add(ws);
        break;
      case "say":
        broadcast(msg.roomId, { type: "said", from: user.id, text: String(msg.text).slice(0, 4000) });
        break;
      default:
        break;
    }
  });

  ws.on("close", () => {
    for (const members of rooms.values()) members.delete(ws);
  });
});

// ok: heartbeat-interval-never-cleared
const sweep = setInterval(() => {
  for (const ws of wss.clients) {
    if (!ws.isAlive) {
      ws.terminate();
      continue;
    }
    ws.isAlive = false;
    ws.ping();
  }
}, 30_000);

wss.on("close", () => clearInterval(sweep));

// Process-lifetime gauge, not a per-connection timer.
// ok: heartbeat-interval-never-cleared
setInterval(() => console.log(`[ws] open=${wss.clients.size} rooms=${rooms.size}`), 60_000).unref();

server.listen(process.env.PORT || 3000);
