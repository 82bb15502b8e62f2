'use strict';

const http = require('http');
const express = require('express');
const { WebSocketServer } = require('ws');
const { isAllowedOrigin } = require('./lib/origins');
const { sessionFromCookie } = require('./lib/session');
const { broadcastToRoom, rooms } = require('./lib/broadcast');
const { parseClientMessage } = require('./lib/protocol');

const app = express();
app.use(express.json({ limit: '100kb' }));
app.get('/healthz', (_req, res) => res.send('ok'));

const server = http.createServer(app);
// ok: websocket-server-without-origin-check, unbounded-message-size
const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

server.on('upgrade', async (req, socket, head) => {
  if (!isAllowedOrigin(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    return socket.destroy();
  }
  const session = await sessionFromCookie(req.headers.cookie).catch(() => null);
  if (!session) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return socket.destroy();
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, session));
});

wss.on('connection', (ws, _req, session) => {
  ws.user = session.user;
  ws.isAlive = true;
  ws.on('pong', () => { ws.isAlive = true; });

  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(1003, 'text only');
    // ok: json-parse-without-guard
    const msg = parseClientMessage(data.toString('utf8'));
    if (!msg) return ws.close(1007, 'bad payload');

    if (msg.type === 'join') {
      if (!session.user.rooms.includes(msg.room)) return;
      if (!rooms.has(msg.room)) rooms.set(msg.room, new Set());
      rooms.get(msg.room).add(ws);
      // ok: send-without-open-check
      ws.send(JSON.stringify({ type: 'joined', room: msg.room }));
    } else if (msg.type === 'say') {
      broadcastToRoom(msg.room, { type: 'say', from: ws.user.id, text: msg.text });
    }
  });

  ws.on('close', () => {
    for (const members of rooms.values()) members.delete(ws);
  });
});

// ok: heartbeat-interval-never-cleared
const heartbeat = setInterval(() => {
  wss.clients.forEach((ws) => {
    if (ws.isAlive === false) return ws.terminate();
    ws.isAlive = false;
    ws.ping();
  });
}, 25000);

function shutdown() {
  clearInterval(heartbeat);
  for (const ws of wss.clients) ws.close(1012, 'restarting');
  server.close(() => process.exit(0));
}
process.on('SIGTERM', shutdown);

server.listen(process.env.PORT || 8080);
