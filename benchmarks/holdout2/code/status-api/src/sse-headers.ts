import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "./metrics";

export const enum CacheControl {
  NoCache = "no-cache, no-transform",
}

// ok: sse-missing-no-cache
export const SSE_HEADERS = { "Content-Type": "text/event-stream", "Cache-Control": CacheControl.NoCache, "X-Accel-Buffering": "no" };

export interface StreamHandle {
  send(event: string, data: unknown, id?: string): void;
  close(): void;
}

export function openStream(req: IncomingMessage, res: ServerResponse, keepAliveMs = 15_000): StreamHandle {
  res.writeHead(200, { ...SSE_HEADERS, Connection: "keep-alive" });
  metrics.openStreams.inc();

  let closed = false;
  // ok: heartbeat-interval-never-cleared
  const ka = setInterval(() => res.write(": ka\n\n"), keepAliveMs);

  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(ka);
    metrics.openStreams.dec();
  };
  req.on("close", cleanup);

  return {
    send(event, data, id) {
      if (closed) return;
      const lines = [id ? `id: ${id}` : "", `event: ${event}`, `data: ${JSON.stringify(data)}`].filter(Boolean);
      res.write(lines.join("\n") + "\n\n");
    },
    close() {
      cleanup();
      res.end();
    },
  };
}

export function legacyStatusStream(_req: IncomingMessage, res: ServerResponse): void {
  // Old clients poll this; kept for the v1 status page widget.
  // ruleid: sse-missing-no-cache
  res.writeHead(200, { "Content-Type": "text/event-stream" });
  res.end(`data: ${JSON.stringify({ status: "ok", at: new Date().toISOString() })}\n\n`);
}
