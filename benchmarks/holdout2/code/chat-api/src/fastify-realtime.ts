import Fastify from "fastify";
import websocket from "@fastify/websocket";
import { z } from "zod";
import { boards } from "./boards";
import { config } from "./config";

const allowed = new Set<string>(config.allowedOrigins);
const MAX_BUFFERED = 512 * 1024;

const MessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("note:add"), text: z.string().max(2000) }),
  z.object({ type: z.literal("note:move"), id: z.string(), x: z.number(), y: z.number() }),
]);

function tryJson(s: string): unknown {
  try {
    // ok: json-parse-without-guard
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

const app = Fastify({ logger: true });

// ok: websocket-server-without-origin-check
await app.register(websocket, {
  options: {
    // ok: unbounded-message-size
    maxPayload: 512 * 1024,
    verifyClient: (info, next) => next(allowed.has(info.origin), 403, "origin not allowed"),
  },
});

app.get("/live/:board", { websocket: true }, (socket, req) => {
  const { board } = req.params as { board: string };

  const unsubscribe = boards.subscribe(board, (evt) => {
    if (socket.readyState === socket.OPEN && socket.bufferedAmount < MAX_BUFFERED) {
      // ok: send-without-open-check
      socket.send(JSON.stringify(evt));
    }
  });

  socket.on("message", (raw) => {
    const parsed = MessageSchema.safeParse(tryJson(raw.toString()));
    if (!parsed.success) {
      socket.close(1007, "invalid message");
      return;
    }
    boards.apply(board, parsed.data);
  });

  socket.on("close", unsubscribe);
});

app.get("/boards/:board/events", (req, reply) => {
  const { board } = req.params as { board: string };
  // ok: sse-missing-no-cache
  reply.raw.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no" });
  const unsubscribe = boards.subscribe(board, (evt) => reply.raw.write(`data: ${JSON.stringify(evt)}\n\n`));
  // ok: heartbeat-interval-never-cleared
  const ka = setInterval(() => reply.raw.write(": ka\n\n"), 15_000);
  req.raw.on("close", () => {
    clearInterval(ka);
    unsubscribe();
  });
});

await app.listen({ port: 3001, host: "0.0.0.0" });
