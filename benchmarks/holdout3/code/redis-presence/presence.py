"""Presence tracking for the editor, backed by redis-py asyncio.

Each connection heartbeats every 15 s. A user is online while at least one of
their connection keys is alive.
"""
import time
from dataclasses import dataclass

from redis.asyncio import Redis

CONN_TTL = 40          # seconds; > 2 missed heartbeats
GRACE = 5              # seconds of flapping we hide from others
LASTSEEN = "presence:lastseen:{doc}"


@dataclass
class Presence:
    redis: Redis

    async def heartbeat(self, doc: str, user: str, conn: str, meta: str) -> None:
        now = time.time()
        async with self.redis.pipeline(transaction=True) as p:
            # ok: presence-key-without-ttl
            p.set(f"presence:{doc}:{user}:{conn}", meta, ex=CONN_TTL)
            # ok: presence-key-without-ttl
            p.zadd(LASTSEEN.format(doc=doc), {user: now})
            p.zremrangebyscore(LASTSEEN.format(doc=doc), "-inf", now - CONN_TTL - GRACE)
            await p.execute()

    async def leave(self, doc: str, user: str, conn: str) -> None:
        # only drop this connection; other tabs keep the user online
        await self.redis.delete(f"presence:{doc}:{user}:{conn}")

    async def online(self, doc: str) -> list[str]:
        cutoff = time.time() - CONN_TTL - GRACE
        users = await self.redis.zrangebyscore(LASTSEEN.format(doc=doc), cutoff, "+inf")
        return [u.decode() for u in users]

    async def set_status(self, user: str, status: str) -> None:
        # "busy"/"away" is a user preference, kept until changed
        # ok: presence-key-without-ttl
        await self.redis.hset(f"user:{user}:prefs", "status", status)

    async def mark_typing(self, doc: str, user: str) -> None:
        # ok: presence-key-without-ttl
        await self.redis.setex(f"typing:{doc}:{user}", 6, 1)

    async def legacy_online_flag(self, user: str) -> None:
        # kept for the old admin dashboard, which reads users:online
        # ruleid: presence-key-without-ttl
        await self.redis.sadd("users:online", user)

    async def legacy_last_active(self, user: str) -> None:
        # ruleid: presence-key-without-ttl
        await self.redis.set(f"online:{user}", int(time.time()))
