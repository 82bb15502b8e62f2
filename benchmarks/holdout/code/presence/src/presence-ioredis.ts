import Redis from "ioredis";
import type { Server, Socket } from "socket.io";

const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");

const ONLINE_HASH = "presence:online";

/**
 * v1 presence: a hash of userId -> last connect time.
 * Populated on connect, cleaned on disconnect.
 */
export function registerPresence(io: Server) {
  io.on("connection", async (socket: Socket) => {
    const userId: string = socket.data.userId;

    // ruleid: presence-key-without-ttl
    await redis.hset(ONLINE_HASH, userId, Date.now());
    // room metadata, not presence — lives as long as the room
    // ok: presence-key-without-ttl
    await redis.hset(`room:${socket.data.roomId}:meta`, "lastActivity", Date.now());
    socket.broadcast.emit("presence:join", { userId });

    socket.on("disconnect", async () => {
      await redis.hdel(ONLINE_HASH, userId);
      socket.broadcast.emit("presence:leave", { userId });
    });
  });
}

export async function whoIsOnline(): Promise<string[]> {
  return Object.keys(await redis.hgetall(ONLINE_HASH));
}

/**
 * v2 presence: one key per connection with a TTL that the client's heartbeat renews.
 * If the node dies the keys simply expire.
 */
export function registerPresenceV2(io: Server) {
  io.on("connection", (socket: Socket) => {
    const key = `presence:v2:${socket.data.userId}:${socket.id}`;
    // ok: presence-key-without-ttl
    void redis.set(key, socket.handshake.address, "EX", 30);

    socket.on("presence:beat", () => {
      void redis.expire(key, 30);
    });

    socket.on("disconnect", () => {
      void redis.del(key);
    });
  });
}

export async function isOnline(userId: string): Promise<boolean> {
  const [, keys] = await redis.scan(0, "MATCH", `presence:v2:${userId}:*`, "COUNT", 100);
  return keys.length > 0;
}

export async function bumpUnread(userId: string) {
  // counters aren't presence either
  // ok: presence-key-without-ttl
  await redis.incr(`unread:${userId}`);
}
