// Agent status socket used by the on-call widget.
// The LB in front of us kills idle connections after 60s, so we ping every 25s.

// ok: insecure-websocket-url
const STATUS_URL = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/agents/status';
const PING_EVERY = 25000;

let ws;
let retry = 0;

function open() {
  // ok: websocket-without-close-handler
  ws = new WebSocket(STATUS_URL);

  ws.onopen = function () {
    retry = 0;
    // ruleid: heartbeat-interval-never-cleared
    setInterval(function () {
      // ruleid: send-without-open-check
      ws.send('{"type":"ping"}');
    }, PING_EVERY);
  };

  ws.onmessage = function (msg) {
    let data;
    try {
      // ok: json-parse-without-guard
      data = JSON.parse(msg.data);
    } catch (err) {
      console.warn('ignoring non-JSON frame', msg.data);
      return;
    }
    if (data.type === 'agents') {
      window.dispatchEvent(new CustomEvent('agents:update', { detail: data.agents }));
    }
  };

  ws.onclose = function (ev) {
    if (ev.code === 4001) {
      window.location.href = '/login';
      return;
    }
    // exponential backoff, capped at 20s
    // ruleid: backoff-without-jitter
    var wait = Math.min(1000 * Math.pow(2, retry++), 20000);
    // ok: reconnect-without-backoff
    setTimeout(open, wait);
  };
}

open();
