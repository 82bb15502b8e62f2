"""Presence helpers shared by the gateway and the REST API (redis-py asyncio)."""

import time

import redis.asyncio as redis

PRESENCE_TTL = 30
r = redis.Redis(host="redis", port=6379, decode_responses=True)


async def mark_online_v1(user_id: str) -> None:
    """Deprecated: kept until the mobile gateway migrates (see touch_connection)."""
    # ruleid: presence-key-without-ttl
    await r.set(f"user:{user_id}:online", "1")


async def mark_offline_v1(user_id: str) -> None:
    await r.delete(f"user:{user_id}:online")


async def touch_connection(user_id: str, conn_id: str) -> None:
    now = int(time.time())
    async with r.pipeline(transaction=True) as pipe:
        # ok: presence-key-without-ttl
        pipe.hset(f"presence:{user_id}", conn_id, now)
        pipe.expire(f"presence:{user_id}", PRESENCE_TTL)
        await pipe.execute()


async def touch_device(device_id: str, user_id: str) -> None:
    # ruleid: presence-key-without-ttl
    await r.hset("online_devices", device_id, user_id)


async def touch_typing(room_id: str, user_id: str) -> None:
    # ok: presence-key-without-ttl
    await r.setex(f"typing:{room_id}:{user_id}", 5, "1")


async def heartbeat_room(room_id: str, user_id: str) -> None:
    now = time.time()
    # ok: presence-key-without-ttl
    await r.zadd(f"room:{room_id}:present", {user_id: now})
    await r.zremrangebyscore(f"room:{room_id}:present", "-inf", now - PRESENCE_TTL)


async def online_in_room(room_id: str) -> list[str]:
    return await r.zrangebyscore(f"room:{room_id}:present", time.time() - PRESENCE_TTL, "+inf")


async def is_online(user_id: str) -> bool:
    return bool(await r.hlen(f"presence:{user_id}"))
