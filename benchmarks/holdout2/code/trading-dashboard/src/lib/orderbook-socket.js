// Order book + telemetry sockets for the trading dashboard.

const TELEMETRY_HOST = process.env.NEXT_PUBLIC_TELEMETRY_HOST || "telemetry.acme-markets.com";

// ok: insecure-websocket-url
export const BOOK_BASE = process.env.NODE_ENV === "development" ? "ws://localhost:7070" : "wss://api.acme-markets.com";

export function openOrderBook(symbol, onUpdate, onStatus) {
  // ruleid: websocket-without-close-handler
  const ws = new WebSocket(`${BOOK_BASE}/v1/book/${encodeURIComponent(symbol)}`);
  // ask for a full snapshot straight away
  // ruleid: send-without-open-check
  ws.send(JSON.stringify({ op: "snapshot", depth: 50 }));

  ws.onmessage = (event) => {
    let msg;
    try {
      // ok: json-parse-without-guard
      msg = JSON.parse(event.data);
    } catch {
      return;
    }
    onUpdate(msg);
  };
  ws.onerror = () => onStatus && onStatus("error");
  return ws;
}

export function openTelemetry(sessionId) {
  // ruleid: insecure-websocket-url
  const telemetry = new WebSocket(`ws://${TELEMETRY_HOST}:9001/ingest`);
  const queue = [];
  telemetry.addEventListener("open", () => {
    while (queue.length) {
      // ok: send-without-open-check, broadcast-without-backpressure
      telemetry.send(queue.shift());
    }
  });
  telemetry.addEventListener("close", () => {
    queue.length = 0;
  });
  return {
    track(event, props) {
      const frame = JSON.stringify({ event, props, t: Date.now() });
      if (telemetry.readyState === WebSocket.OPEN) telemetry.send(frame);
      else if (queue.length < 100) queue.push(frame);
    },
  };
}
