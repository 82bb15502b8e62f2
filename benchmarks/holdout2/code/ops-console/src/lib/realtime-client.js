// Thin pub/sub client used by the ops console widgets.
// Protocol: {action: "sub"|"unsub"|"pub"|"ping", topic, payload}

const RETRY_MS = 2000;
const HEARTBEAT_MS = 25000;

export class RealtimeClient {
  constructor(url, { onEvent } = {}) {
    this.url = url;
    this.onEvent = onEvent || (() => {});
    this.ws = null;
    this.heartbeat = null;
    this.subscriptions = new Set();
  }

  connect() {
    // ok: websocket-without-close-handler
    this.ws = new WebSocket(this.url);
    this.attachHandlers();
  }

  attachHandlers() {
    const ws = this.ws;

    ws.addEventListener("open", () => {
      for (const topic of this.subscriptions) {
        // ok: send-without-open-check, broadcast-without-backpressure
        ws.send(JSON.stringify({ action: "sub", topic }));
      }
      // ruleid: heartbeat-interval-never-cleared
      this.heartbeat = setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send('{"action":"ping"}');
      }, HEARTBEAT_MS);
    });

    ws.addEventListener("message", (e) => {
      let msg;
      try {
        // ok: json-parse-without-guard
        msg = JSON.parse(e.data);
      } catch (err) {
        console.error("[realtime] dropping malformed frame", err);
        return;
      }
      if (msg.action === "pong") return;
      this.onEvent(msg);
    });

    ws.addEventListener("close", () => {
      // ruleid: reconnect-without-backoff
      setTimeout(() => this.connect(), RETRY_MS);
    });
  }

  subscribe(topic) {
    this.subscriptions.add(topic);
    // ruleid: send-without-open-check
    this.ws.send(JSON.stringify({ action: "sub", topic }));
  }

  unsubscribe(topic) {
    this.subscriptions.delete(topic);
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      // ok: send-without-open-check
      this.ws.send(JSON.stringify({ action: "unsub", topic }));
    }
  }

  publish(topic, payload) {
    // ruleid: send-without-open-check
    this.ws.send(JSON.stringify({ action: "pub", topic, payload }));
  }

  close() {
    this.ws.close();
  }
}

export default RealtimeClient;
