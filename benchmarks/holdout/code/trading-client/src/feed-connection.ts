import { EventEmitter } from "events";

export interface FeedOptions {
  url: string;
  protocols?: string[];
  heartbeatMs?: number;
}

/**
 * Market-data connection with backoff + app-level heartbeat.
 * Jitter lives in nextDelay(), see AWS "full jitter".
 */
export class FeedConnection extends EventEmitter {
  private socket?: WebSocket;
  private attempts = 0;
  private heartbeat?: ReturnType<typeof setInterval>;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private lastPong = 0;

  constructor(private readonly opts: FeedOptions) {
    super();
  }

  start() {
    // ok: websocket-without-close-handler
    const socket = new WebSocket(this.opts.url, this.opts.protocols);
    this.socket = socket;
    socket.addEventListener("open", this.onOpen);
    socket.addEventListener("message", this.onMessage);
    socket.addEventListener("close", this.onClose);
  }

  private onOpen = () => {
    this.lastPong = Date.now();
    this.startHeartbeat();
    this.emit("open");
  };

  private onMessage = (ev: MessageEvent) => {
    if (ev.data === "pong") {
      this.lastPong = Date.now();
      return;
    }
    this.attempts = 0;
    this.emit("frame", ev.data);
  };

  private onClose = (ev: CloseEvent) => {
    this.stopHeartbeat();
    this.emit("close", ev.code);
    if (ev.code === 1008 || ev.code === 4401) return; // auth rejected, don't hammer
    // ok: reconnect-without-backoff
    this.reconnectTimer = setTimeout(() => this.start(), this.nextDelay());
  };

  private nextDelay(): number {
    const cap = Math.min(30_000, 250 * 2 ** this.attempts++);
    // ok: backoff-without-jitter
    return Math.floor(Math.random() * cap);
  }

  private startHeartbeat() {
    const every = this.opts.heartbeatMs ?? 15_000;
    // ok: heartbeat-interval-never-cleared
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastPong > every * 2) {
        this.socket?.close(4000, "heartbeat timeout");
        return;
      }
      if (this.socket?.readyState === WebSocket.OPEN) {
        // ok: send-without-open-check
        this.socket.send("ping");
      }
    }, every);
  }

  private stopHeartbeat() {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  stop() {
    clearTimeout(this.reconnectTimer);
    this.stopHeartbeat();
    this.socket?.removeEventListener("close", this.onClose);
    this.socket?.close(1000);
  }
}
