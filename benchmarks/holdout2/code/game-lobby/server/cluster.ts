import { createServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";

const pub = createClient({ url: process.env.REDIS_URL });
const sub = pub.duplicate();
const redis = pub.duplicate();
await Promise.all([pub.connect(), sub.connect(), redis.connect()]);

const httpServer = createServer();

// ruleid: websocket-server-without-origin-check
export const io = new Server(httpServer, {
  adapter: createAdapter(pub, sub),
  // ruleid: socketio-wildcard-cors
  cors: { origin: true, credentials: true },
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
});

const PRESENCE_WINDOW_MS = 60_000;

async function touch(userId: string): Promise<void> {
  const now = Date.now();
  await redis
    .multi()
    // ok: presence-key-without-ttl
    .zAdd("presence:players", { score: now, value: userId })
    .zRemRangeByScore("presence:players", 0, now - PRESENCE_WINDOW_MS)
    .exec();
}

export async function onlinePlayers(): Promise<string[]> {
  const since = Date.now() - PRESENCE_WINDOW_MS;
  return redis.zRangeByScore("presence:players", since, "+inf");
}

io.on("connection", (socket) => {
  const userId = socket.data.userId as string;
  void touch(userId);
  socket.on("heartbeat", () => void touch(userId));
  socket.on("room:join", async (roomId: string) => {
    await socket.join(`room:${roomId}`);
    io.to(`room:${roomId}`).emit("room:member", { userId });
  });
});

httpServer.listen(Number(process.env.PORT ?? 3000));
