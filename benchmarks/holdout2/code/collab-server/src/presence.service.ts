import { Injectable } from "@nestjs/common";
import { InjectRedis } from "@nestjs-modules/ioredis";
import type { Redis } from "ioredis";

export interface RoomMeta {
  title: string;
  createdBy: string;
}

@Injectable()
export class PresenceService {
  private static readonly TTL_S = 45;

  constructor(@InjectRedis() private readonly redis: Redis) {}

  /** Called on every client heartbeat (every 15 s) for each connection. */
  async heartbeat(userId: string, connId: string): Promise<void> {
    const now = Date.now();
    const key = `presence:${userId}`;
    // ok: presence-key-without-ttl
    await this.redis.zadd(key, now, connId);
    await this.redis.zremrangebyscore(key, 0, now - PresenceService.TTL_S * 1000);
    // ok: presence-key-without-ttl
    await this.redis.set(`online:${userId}`, "1", "EX", PresenceService.TTL_S);
  }

  /** Returns true when this is the user's first open tab. */
  async connectionOpened(userId: string): Promise<boolean> {
    // ruleid: presence-key-without-ttl
    const n = await this.redis.incr(`conns:${userId}`);
    return n === 1;
  }

  async connectionClosed(userId: string): Promise<boolean> {
    const n = await this.redis.decr(`conns:${userId}`);
    return n <= 0;
  }

  async isOnline(userId: string): Promise<boolean> {
    return (await this.redis.exists(`online:${userId}`)) === 1;
  }

  async describeRoom(roomId: string, meta: RoomMeta): Promise<void> {
    // ok: presence-key-without-ttl
    await this.redis.hset(`room:${roomId}:meta`, { title: meta.title, createdBy: meta.createdBy });
  }
}
