import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { createClient } from "redis";
import { authenticate } from "./auth";

const allowedOrigins = (process.env.SUPPORT_ORIGINS ?? "https://support.example.com,https://agent.example.com")
  .split(",")
  .map((o) => o.trim());

const redis = createClient({ url: process.env.REDIS_URL });
await redis.connect();

const AGENT_TTL_S = 40;

export function attachRealtime(httpServer: HttpServer): Server {
  // ok: websocket-server-without-origin-check
  const io = new Server(httpServer, {
    // ok: socketio-wildcard-cors
    cors: { origin: allowedOrigins, credentials: true },
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin !== undefined && allowedOrigins.includes(origin));
    },
    maxHttpBufferSize: 256 * 1024,
  });

  io.use(async (socket, next) => {
    try {
      socket.data.agent = await authenticate(socket.handshake.auth.token);
      next();
    } catch {
      next(new Error("unauthorized"));
    }
  });

  io.on("connection", (socket: Socket) => {
    const agentId: string = socket.data.agent.id;
    const key = `agent:online:${agentId}:${socket.id}`;

    const beat = async () => {
      // ok: presence-key-without-ttl
      await redis.set(key, String(Date.now()), { EX: AGENT_TTL_S });
    };
    void beat();
    socket.on("agent:heartbeat", beat);

    socket.on("ticket:claim", async (ticketId: string, ack: (r: { ok: boolean }) => void) => {
      // ok: presence-key-without-ttl
      const claimed = await redis.set(`ticket:${ticketId}:owner`, agentId, { NX: true });
      if (claimed) io.to("agents").emit("ticket:claimed", { ticketId, agentId });
      ack({ ok: Boolean(claimed) });
    });

    socket.join("agents");
    socket.on("disconnect", () => void redis.del(key));
  });

  return io;
}
