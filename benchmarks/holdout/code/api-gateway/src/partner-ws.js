// Partner webhook replacement: partners keep a socket open and receive events.
const { WebSocketServer } = require('ws');
const { partnerByKey } = require('./partners');

const allowed = ['https://portal.partner-one.com', 'https://dash.partner-two.io'];

// ok: websocket-server-without-origin-check
const wss = new WebSocketServer({
  port: 9090,
  verifyClient: ({ origin, req }, cb) => {
    // browsers (the partner portals) must come from a known origin;
    // server-to-server partners don't send Origin at all and use an API key header instead
    if (origin && !allowed.includes(origin)) return cb(false, 403, 'Forbidden origin');
    const partner = partnerByKey(req.headers['x-api-key']);
    if (!partner) return cb(false, 401, 'Unknown key');
    req.partner = partner;
    cb(true);
  },
  // ok: unbounded-message-size
  maxPayload: 256 * 1024,
});

const OPEN = 1;

function fanout(event) {
  const frame = JSON.stringify(event);
  wss.clients.forEach((ws) => {
    // readiness only — our partners are few and on fat pipes
    // ok: broadcast-without-backpressure
    if (ws.readyState === OPEN && ws.partnerId === event.partnerId) ws.send(frame);
  });
}

wss.on('connection', (ws, req) => {
  ws.partnerId = req.partner.id;
  ws.on('message', () => {
    ws.close(1003, 'this socket is receive-only');
  });
});

module.exports = { fanout };
