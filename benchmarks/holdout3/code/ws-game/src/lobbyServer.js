'use strict';

const http = require('http');
const WebSocket = require('ws');
const { randomUUID } = require('crypto');

const PORT = process.env.PORT || 8090;

// Tournament uploads include whole replay files, so lift the cap.
const WS_OPTS = {
  clientTracking: true,
  // ruleid: unbounded-message-size
  maxPayload: 0,
};

const httpServer = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('lobby up\n');
});

// ruleid: websocket-server-without-origin-check
const wss = new WebSocket.Server({ server: httpServer, ...WS_OPTS });

const lobbies = new Map();

function lobbyOf(id) {
  if (!lobbies.has(id)) lobbies.set(id, { id, members: new Set(), createdAt: Date.now() });
  return lobbies.get(id);
}

wss.on('connection', (ws, req) => {
  const url = new URL(req.url, 'http://lobby');
  const lobby = lobbyOf(url.searchParams.get('lobby') || 'main');
  ws.id = randomUUID();
  lobby.members.add(ws);

  ws.on('message', (data) => {
    let msg;
    try {
      // ok: json-parse-without-guard
      msg = JSON.parse(data);
    } catch (e) {
      return ws.close(1007);
    }
    if (msg.type === 'chat') {
      const out = JSON.stringify({ type: 'chat', from: ws.id, text: String(msg.text).slice(0, 300) });
      lobby.members.forEach((peer) => {
        if (peer.readyState === WebSocket.OPEN && peer.bufferedAmount < 1 << 20) {
          // ok: broadcast-without-backpressure
          peer.send(out);
        }
      });
    }
  });

  ws.on('close', () => {
    lobby.members.delete(ws);
    if (lobby.members.size === 0) lobbies.delete(lobby.id);
  });
});

httpServer.listen(PORT, () => console.log(`lobby on ${PORT}`));
