type Listener = (data: unknown) => void;

const RECONNECT_MS = 2000;

/**
 * Minimal reconnecting wrapper around the browser WebSocket.
 * Used by the order-book widget and the blotter.
 */
export class ReconnectingSocket {
  private ws!: WebSocket;
  private listeners = new Map<string, Set<Listener>>();
  private closedByUser = false;

  constructor(private readonly url: string) {
    this.open();
  }

  private open() {
    // ok: websocket-without-close-handler
    this.ws = new WebSocket(this.url);
    this.ws.onmessage = (ev) => this.dispatch(ev.data);
    this.ws.onclose = () => {
      if (this.closedByUser) return;
      // ruleid: reconnect-without-backoff
      setTimeout(() => this.open(), RECONNECT_MS);
    };
  }

  private dispatch(raw: string) {
    let msg: { channel: string; data: unknown };
    try {
      // ok: json-parse-without-guard
      msg = JSON.parse(raw);
    } catch (e) {
      console.error("bad frame", e);
      return;
    }
    this.listeners.get(msg.channel)?.forEach((fn) => fn(msg.data));
  }

  subscribe(channel: string, fn: Listener) {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(fn);
    this.publish({ op: "sub", channel });
    return () => {
      this.listeners.get(channel)?.delete(fn);
      this.publish({ op: "unsub", channel });
    };
  }

  publish(payload: Record<string, unknown>) {
    // ruleid: send-without-open-check
    this.ws.send(JSON.stringify(payload));
  }

  close() {
    this.closedByUser = true;
    this.ws.close();
  }
}
