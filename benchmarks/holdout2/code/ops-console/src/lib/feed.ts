export interface FeedUpdate {
  stream: string;
  seq: number;
  data: Record<string, unknown>;
}

export interface FeedOptions {
  url: string;
  maxDelayMs?: number;
  onUpdate: (u: FeedUpdate) => void;
  onStatus?: (s: "open" | "reconnecting" | "stopped") => void;
}

/** Reconnecting feed used by the incident timeline. */
export class ReconnectingFeed {
  private ws?: WebSocket;
  private attempts = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private stopped = false;
  private lastSeq = 0;
  private readonly clientId = `web-${Math.random().toString(36).slice(2, 10)}`;

  constructor(private readonly opts: FeedOptions) {}

  start(): void {
    this.stopped = false;
    // ok: websocket-without-close-handler
    const ws = new WebSocket(this.opts.url);
    this.ws = ws;

    ws.addEventListener("open", () => {
      this.attempts = 0;
      this.opts.onStatus?.("open");
      // ok: send-without-open-check
      ws.send(JSON.stringify({ type: "hello", clientId: this.clientId, resumeFrom: this.lastSeq }));
    });
    ws.addEventListener("message", (ev) => this.handle(ev.data));
    ws.addEventListener("close", (ev) => this.scheduleReconnect(ev.code));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.ws?.close(1000, "client stop");
    this.opts.onStatus?.("stopped");
  }

  private handle(raw: string): void {
    try {
      // ok: json-parse-without-guard
      const update = JSON.parse(raw) as FeedUpdate;
      if (update.seq <= this.lastSeq) return;
      this.lastSeq = update.seq;
      this.opts.onUpdate(update);
    } catch (e) {
      console.warn("feed: ignoring frame", e);
    }
  }

  private scheduleReconnect(code: number): void {
    if (this.stopped || code === 4403) return;
    this.opts.onStatus?.("reconnecting");
    const max = this.opts.maxDelayMs ?? 30_000;
    // ruleid: backoff-without-jitter
    const delay = Math.min(1000 * 2 ** this.attempts, max);
    this.attempts += 1;
    // ok: reconnect-without-backoff
    this.retryTimer = setTimeout(() => this.start(), delay);
  }
}
