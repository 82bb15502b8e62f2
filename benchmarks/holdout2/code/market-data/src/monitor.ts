import { EventEmitter } from "node:events";
import type WebSocket from "ws";

export interface MonitorOptions {
  intervalMs?: number;
  deadlineMs?: number;
}

/**
 * Pings an upstream socket and emits "dead" when no pong arrives before the deadline.
 */
export class ConnectionMonitor extends EventEmitter {
  private pingTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout; // legacy name, replaced by pingTimer in #88
  private lastPong = Date.now();
  private readonly intervalMs: number;
  private readonly deadlineMs: number;

  constructor(private readonly ws: WebSocket, opts: MonitorOptions = {}) {
    super();
    this.intervalMs = opts.intervalMs ?? 15_000;
    this.deadlineMs = opts.deadlineMs ?? 45_000;
    this.ws.on("pong", () => {
      this.lastPong = Date.now();
    });
  }

  start(): void {
    this.lastPong = Date.now();
    // ruleid: heartbeat-interval-never-cleared
    this.pingTimer = setInterval(() => this.tick(), this.intervalMs);
  }

  stop(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  private tick(): void {
    if (Date.now() - this.lastPong > this.deadlineMs) {
      this.emit("dead");
      this.ws.terminate();
      return;
    }
    this.ws.ping();
  }
}
