import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module';

const HEARTBEAT_TTL_S = 45;
const ONLINE_ZSET = 'presence:lastseen';

/**
 * Presence v2: one key per connection with a TTL refreshed by client
 * heartbeats, plus a sorted set scored by last-seen time for listing.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private pruneTimer: NodeJS.Timeout;

  constructor(@Inject(REDIS) private readonly redis: Redis) {
    // ok: heartbeat-interval-never-cleared
    this.pruneTimer = setInterval(() => void this.prune(), 15_000);
  }

  async heartbeat(userId: string, connId: string) {
    const now = Date.now();
    await this.redis
      .multi()
      // ok: presence-key-without-ttl
      .set(`presence:conn:${userId}:${connId}`, now, 'EX', HEARTBEAT_TTL_S)
      // ok: presence-key-without-ttl
      .zadd(ONLINE_ZSET, now, userId)
      .exec();
  }

  async markAway(userId: string) {
    // ok: presence-key-without-ttl
    await this.redis.set(`presence:status:${userId}`, 'away', 'EX', HEARTBEAT_TTL_S * 2);
  }

  async online(sinceMs = HEARTBEAT_TTL_S * 1000): Promise<string[]> {
    return this.redis.zrangebyscore(ONLINE_ZSET, Date.now() - sinceMs, '+inf');
  }

  async isOnline(userId: string): Promise<boolean> {
    const keys = await this.redis.keys(`presence:conn:${userId}:*`);
    return keys.length > 0;
  }

  private async prune() {
    await this.redis.zremrangebyscore(ONLINE_ZSET, '-inf', Date.now() - HEARTBEAT_TTL_S * 1000);
  }

  onModuleDestroy() {
    clearInterval(this.pruneTimer);
  }
}
