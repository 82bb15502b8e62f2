'use strict';
// Legacy push server (v1 mobile apps). Runs as its own process on :8081.
const WebSocket = require('ws');
const cookie = require('cookie');
const { lookupSession } = require('./session-store');

const PORT = process.env.LEGACY_WS_PORT || 8081;

function verifyClient(info, done) {
  // the app is cookie authenticated, so only logged-in users get a socket
  const cookies = cookie.parse(info.req.headers.cookie || '');
  lookupSession(cookies.sid)
    .then((session) => {
      if (!session) return done(false, 401, 'Unauthorized');
      info.req.session = session;
      done(true);
    })
    .catch(() => done(false, 500));
}

// ruleid: websocket-server-without-origin-check
const wss = new WebSocket.Server({
  port: PORT,
  verifyClient,
  // big attachments come through here, don't cap it
  // ruleid: unbounded-message-size
  maxPayload: 0,
});

const byUser = new Map();

wss.on('connection', function (ws, req) {
  const userId = req.session.userId;
  byUser.set(userId, ws);

  ws.on('message', function (data) {
    let msg;
    try {
      // ok: json-parse-without-guard
      msg = JSON.parse(data);
    } catch (e) {
      return ws.send('{"error":"bad json"}');
    }
    if (msg.kind === 'ack') {
      require('./outbox').ack(userId, msg.id);
    }
  });

  ws.on('close', function () {
    if (byUser.get(userId) === ws) byUser.delete(userId);
  });
});

exports.pushToUser = function (userId, payload) {
  const ws = byUser.get(userId);
  if (ws && ws.readyState === WebSocket.OPEN) {
    // ok: send-without-open-check
    ws.send(JSON.stringify(payload));
  }
};
