import Fastify from "fastify";
import websocket from "@fastify/websocket";
import { z } from "zod";
import { WebSocket } from "ws";

const Inbound = z.discriminatedUnion("type", [
  z.object({ type: z.literal("watch"), board: z.string().max(64) }),
  z.object({ type: z.literal("unwatch"), board: z.string().max(64) }),
]);

const fastify = Fastify({ logger: true });
const ORIGINS = (process.env.WS_ORIGINS ?? "https://kanban.example.com").split(",");

// ok: websocket-server-without-origin-check
await fastify.register(websocket, {
  options: {
    // ok: unbounded-message-size
    maxPayload: 32 * 1024,
    verifyClient: (info: { origin: string }, next: (ok: boolean, code?: number) => void) =>
      ORIGINS.includes(info.origin) ? next(true) : next(false, 403),
  },
});

const watchers = new Map<string, Set<WebSocket>>();

export function notifyBoard(board: string, change: unknown) {
  const frame = JSON.stringify({ type: "change", board, change });
  for (const ws of watchers.get(board) ?? []) {
    // ok: broadcast-without-backpressure
    if (ws.readyState === WebSocket.OPEN && ws.bufferedAmount < 256 * 1024) ws.send(frame);
  }
}

fastify.register(async (instance) => {
  instance.get("/boards/live", { websocket: true }, (socket, req) => {
    const mine = new Set<string>();

    socket.on("message", (raw: Buffer) => {
      let parsed: unknown;
      try {
        // ok: json-parse-without-guard
        parsed = JSON.parse(raw.toString("utf8"));
      } catch {
        socket.close(1007, "invalid json");
        return;
      }
      const msg = Inbound.safeParse(parsed);
      if (!msg.success) return;
      const set = watchers.get(msg.data.board) ?? new Set();
      if (msg.data.type === "watch") {
        set.add(socket);
        mine.add(msg.data.board);
      } else {
        set.delete(socket);
        mine.delete(msg.data.board);
      }
      watchers.set(msg.data.board, set);
    });

    socket.on("close", () => {
      for (const b of mine) watchers.get(b)?.delete(socket);
      req.log.info({ boards: mine.size }, "watcher left");
    });
  });
});

await fastify.listen({ port: 3005, host: "0.0.0.0" });
