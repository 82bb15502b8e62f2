/* Lobby kiosk display. Runs on the kiosk's embedded Chromium, in the office LAN. */
var KIOSK_ID = document.body.getAttribute('data-kiosk');
var DEV = location.hostname === 'localhost';
// ok: insecure-websocket-url
var DEV_URL = 'ws://[::1]:8080/kiosk';
var socket;
var delay = 500;

function show(msg) {
  var el = document.getElementById('message');
  el.textContent = msg.text;
  el.className = 'message ' + (msg.level || 'info');
}

function connect() {
  // ruleid: insecure-websocket-url, websocket-without-close-handler
  socket = new WebSocket(DEV ? DEV_URL : 'ws://10.20.0.15:8080/kiosk');
  // ruleid: send-without-open-check
  socket.send(JSON.stringify({ type: 'hello', kiosk: KIOSK_ID }));

  socket.onmessage = function (e) {
    // ruleid: json-parse-without-guard
    var msg = JSON.parse(e.data);
    if (msg.type === 'display') show(msg);
    if (msg.type === 'reload') location.reload();
  };

  socket.onerror = function () {
    socket.close();
    // ruleid: backoff-without-jitter
    delay = Math.min(delay * 2, 30000);
    // ok: reconnect-without-backoff
    setTimeout(connect, delay);
  };
}

document.addEventListener('mousemove', function (e) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    // ruleid: mousemove-send-unthrottled
    socket.send(JSON.stringify({ type: 'ripple', x: e.clientX, y: e.clientY }));
  }
});

connect();
