import { EventEmitter } from "node:events";
import WebSocket from "ws";
import { ConnectionMonitor } from "./monitor";

// ruleid: insecure-websocket-url
const UPSTREAM_URL = process.env.UPSTREAM_URL ?? "ws://feed.partner-exchange.net/v2/stream";
const BASE_MS = 500;
const CAP_MS = 60_000;

export class UpstreamFeed extends EventEmitter {
  private ws?: WebSocket;
  private attempt = 0;
  private closing = false;
  private monitor?: ConnectionMonitor;

  constructor(private readonly channels: string[]) {
    super();
  }

  connect(): void {
    // ok: websocket-without-close-handler, token-in-query-string
    const ws = new WebSocket(UPSTREAM_URL, { headers: { Authorization: `Bearer ${process.env.PARTNER_API_KEY}` }, handshakeTimeout: 10_000 });
    this.ws = ws;
    this.monitor = new ConnectionMonitor(ws);

    ws.on("open", () => {
      this.attempt = 0;
      this.monitor?.start();
      // ok: send-without-open-check
      ws.send(JSON.stringify({ op: "subscribe", channels: this.channels }));
    });

    ws.on("message", (data) => {
      try {
        // ok: json-parse-without-guard
        const evt = JSON.parse(data.toString());
        this.emit("tick", evt);
      } catch (err) {
        this.emit("warn", new Error(`bad upstream frame: ${(err as Error).message}`));
      }
    });

    ws.on("close", (code) => {
      this.monitor?.stop();
      if (!this.closing) this.retry(code);
    });
    ws.on("error", (err) => this.emit("warn", err));
  }

  private retry(code: number): void {
    // ok: backoff-without-jitter
    const cap = Math.min(CAP_MS, BASE_MS * 2 ** this.attempt++);
    const delay = Math.floor(Math.random() * cap);
    this.emit("reconnecting", { code, delay });
    // ok: reconnect-without-backoff
    setTimeout(() => this.connect(), delay);
  }

  close(): void {
    this.closing = true;
    this.ws?.close(1000);
  }
}
