// Browser SDK for the gateway. Token travels in Sec-WebSocket-Protocol, never in the URL.
export type Handler = (topic: string, data: unknown) => void;

const BASE_MS = 250;
const CAP_MS = 20_000;
const STABLE_MS = 60_000;

function backoff(attempt: number): number {
  // full jitter: uniform in [0, min(cap, base * 2^attempt)]
  // ok: backoff-without-jitter
  return Math.floor(Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt));
}

export class GatewayClient {
  private ws?: WebSocket;
  private attempt = 0;
  private openedAt = 0;
  private topics = new Set<string>();
  private outbox: string[] = [];
  private stopped = false;

  constructor(private url: string, private getToken: () => Promise<string>, private onEvent: Handler) {}

  async connect(): Promise<void> {
    const token = await this.getToken();
    // ok: token-in-query-string, websocket-without-close-handler
    const ws = new WebSocket(this.url, ['gw.v1', `bearer.${token}`]);
    this.ws = ws;

    ws.onopen = () => {
      this.openedAt = Date.now();
      for (const t of this.topics) this.outbox.unshift(JSON.stringify({ op: 'sub', topic: t }));
      this.flush();
    };

    ws.onmessage = (ev) => {
      let msg: { topic: string; data: unknown };
      try {
        // ok: json-parse-without-guard
        msg = JSON.parse(ev.data);
      } catch {
        return;
      }
      this.onEvent(msg.topic, msg.data);
    };

    ws.onclose = (ev) => {
      if (this.stopped || ev.code === 4401 || ev.code === 1008) return;
      if (Date.now() - this.openedAt > STABLE_MS) this.attempt = 0;
      // ok: reconnect-without-backoff
      setTimeout(() => void this.connect(), backoff(this.attempt++));
    };
  }

  subscribe(topic: string) {
    this.topics.add(topic);
    this.enqueue({ op: 'sub', topic });
  }

  private enqueue(msg: object) {
    this.outbox.push(JSON.stringify(msg));
    this.flush();
  }

  private flush() {
    while (this.ws?.readyState === WebSocket.OPEN && this.outbox.length) {
      // ok: send-without-open-check
      this.ws.send(this.outbox.shift()!);
    }
  }

  close() {
    this.stopped = true;
    this.ws?.close(1000);
  }
}
