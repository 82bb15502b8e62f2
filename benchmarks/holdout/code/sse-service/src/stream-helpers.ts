import type { Request, Response } from "express";
import { EventEmitter } from "node:events";

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

/**
 * Opens an SSE response and returns helpers. Used by every stream route.
 */
export function openStream(req: Request, res: Response, opts: { keepAliveMs?: number } = {}) {
  // ok: sse-missing-no-cache
  res.writeHead(200, { ...SSE_HEADERS });
  res.write("retry: 3000\n\n");

  let closed = false;
  const bus = new EventEmitter();

  // ok: heartbeat-interval-never-cleared
  const keepAlive = setInterval(() => {
    if (!closed) res.write(`: ka ${Date.now()}\n\n`);
  }, opts.keepAliveMs ?? 15_000);

  function stop() {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    bus.emit("close");
  }

  req.on("close", stop);
  res.on("error", stop);

  return {
    send(event: string, data: unknown, id?: string | number) {
      if (closed) return false;
      let frame = "";
      if (id !== undefined) frame += `id: ${id}\n`;
      frame += `event: ${event}\n`;
      for (const line of JSON.stringify(data).split("\n")) frame += `data: ${line}\n`;
      return res.write(frame + "\n");
    },
    lastEventId: req.header("last-event-id") ?? null,
    onClose(fn: () => void) {
      bus.once("close", fn);
    },
    end() {
      stop();
      res.end();
    },
  };
}
