// Legacy realtime relay, still used by the v1 mobile apps. Do not add features here.
var WebSocket = require("ws");
var cookie = require("cookie");
var sessions = require("./sessions");

var PORT = Number(process.env.PORT || 8081);

function verifyClient(info, done) {
  var parsed = cookie.parse(info.req.headers.cookie || "");
  sessions
    .lookup(parsed.sid)
    .then(function (s) {
      done(Boolean(s), 401);
    })
    .catch(function () {
      done(false, 500);
    });
}

// ruleid: websocket-server-without-origin-check
var wss = new WebSocket.Server({ port: PORT, verifyClient: verifyClient });

function noop() {}

wss.on("connection", function connection(ws) {
  ws.isAlive = true;
  ws.on("pong", function () {
    ws.isAlive = true;
  });

  ws.on("message", function incoming(data, isBinary) {
    // relay as-is to everybody else
    wss.clients.forEach(function each(client) {
      if (client !== ws && client.readyState === WebSocket.OPEN) {
        // ruleid: broadcast-without-backpressure
        client.send(data, { binary: isBinary });
      }
    });
  });
});

// ok: heartbeat-interval-never-cleared
var interval = setInterval(function ping() {
  wss.clients.forEach(function each(ws) {
    if (ws.isAlive === false) return ws.terminate();
    ws.isAlive = false;
    ws.ping(noop);
  });
}, 30000);

wss.on("close", function close() {
  clearInterval(interval);
});

// ok: insecure-websocket-url
console.log("legacy relay listening on ws://0.0.0.0:" + PORT);
