import type { ServerWebSocket } from "bun";
import { verifySession } from "./auth";

type WsData = { userId: string; rooms: Set<string> };

const ALLOWED_ORIGINS = new Set((Bun.env.ALLOWED_ORIGINS ?? "").split(",").filter(Boolean));
const encoder = new TextEncoder();

const server = Bun.serve<WsData>({
  port: Number(Bun.env.PORT ?? 3000),

  async fetch(req, server) {
    const url = new URL(req.url);

    if (url.pathname === "/ws") {
      const origin = req.headers.get("origin") ?? "";
      if (!ALLOWED_ORIGINS.has(origin)) return new Response("forbidden origin", { status: 403 });
      const user = await verifySession(req.headers.get("cookie"));
      if (!user) return new Response("unauthorized", { status: 401 });
      const ok = server.upgrade(req, { data: { userId: user.id, rooms: new Set<string>() } });
      return ok ? undefined : new Response("upgrade failed", { status: 400 });
    }

    if (url.pathname === "/sse/build-log") {
      let keepAlive: Timer | undefined;
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(encoder.encode("retry: 5000\n\n"));
          // ok: heartbeat-interval-never-cleared
          keepAlive = setInterval(() => controller.enqueue(encoder.encode(": ka\n\n")), 15_000);
        },
        cancel() {
          clearInterval(keepAlive);
        },
      });
      return new Response(stream, {
        headers: {
          // ok: sse-missing-no-cache
          "Content-Type": "text/event-stream",
          "Cache-Control": "no-cache, no-transform",
          "X-Accel-Buffering": "no",
        },
      });
    }

    return new Response("not found", { status: 404 });
  },

  websocket: {
    maxPayloadLength: 64 * 1024,
    idleTimeout: 60,
    open(ws: ServerWebSocket<WsData>) {
      ws.subscribe(`user:${ws.data.userId}`);
    },
    message(ws, message) {
      // ruleid: json-parse-without-guard
      const cmd = JSON.parse(String(message)) as { op: "join" | "leave" | "say"; room: string; text?: string };
      if (cmd.op === "join") {
        ws.subscribe(`room:${cmd.room}`);
        ws.data.rooms.add(cmd.room);
      } else if (cmd.op === "leave") {
        ws.unsubscribe(`room:${cmd.room}`);
        ws.data.rooms.delete(cmd.room);
      } else if (cmd.op === "say" && ws.data.rooms.has(cmd.room)) {
        server.publish(`room:${cmd.room}`, JSON.stringify({ from: ws.data.userId, text: cmd.text }));
      }
    },
    close(ws) {
      ws.data.rooms.clear();
    },
  },
});

console.log(`listening on http://localhost:${server.port}`);
