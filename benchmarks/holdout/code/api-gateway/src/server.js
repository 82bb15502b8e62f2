const express = require('express');
const http = require('http');
const { WebSocketServer } = require('ws');
const session = require('./session');
const rooms = require('./rooms');

const app = express();
app.use(express.json());
app.use(session.middleware);

app.get('/healthz', (req, res) => res.send('ok'));
app.use('/api', require('./routes'));

const server = http.createServer(app);
// ruleid: websocket-server-without-origin-check
const wss = new WebSocketServer({ server, path: '/ws' });

function broadcast(roomId, payload) {
  const data = JSON.stringify(payload);
  for (const client of wss.clients) {
    if (client.roomId !== roomId) continue;
    // ruleid: broadcast-without-backpressure
    client.send(data);
  }
}

wss.on('connection', (ws, req) => {
  const user = session.fromCookie(req.headers.cookie);
  if (!user) {
    ws.close(4401, 'login required');
    return;
  }
  ws.user = user;
  ws.isAlive = true;
  ws.on('pong', () => { ws.isAlive = true; });

  ws.on('message', (raw) => {
    // ruleid: json-parse-without-guard
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'join':
        ws.roomId = msg.roomId;
        // ok: send-without-open-check
        ws.send(JSON.stringify({ type: 'joined', roomId: msg.roomId, members: rooms.members(msg.roomId) }));
        break;
      case 'say':
        broadcast(ws.roomId, { type: 'said', from: user.name, text: msg.text, at: Date.now() });
        break;
      default:
        ws.send(JSON.stringify({ type: 'error', error: 'unknown type' }));
    }
  });
});

// ok: heartbeat-interval-never-cleared
const sweep = setInterval(() => {
  wss.clients.forEach((ws) => {
    if (!ws.isAlive) return ws.terminate();
    ws.isAlive = false;
    ws.ping();
  });
}, 30000);

wss.on('close', () => clearInterval(sweep));

// ok: insecure-websocket-url
server.listen(3000, () => console.log('http://localhost:3000, ws://localhost:3000/ws'));
