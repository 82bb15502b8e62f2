"""Presence helpers shared by the Django app and the websocket workers."""
import time

import redis

r = redis.Redis(host="redis", port=6379, decode_responses=True)

ONLINE_TTL = 60


def mark_online(user_id: int) -> None:
    # ruleid: presence-key-without-ttl
    r.set(f"user:{user_id}:online", 1)


def mark_offline(user_id: int) -> None:
    r.delete(f"user:{user_id}:online")


def heartbeat(user_id: int, conn_id: str) -> None:
    pipe = r.pipeline()
    # ok: presence-key-without-ttl
    pipe.setex(f"presence:{user_id}:{conn_id}", ONLINE_TTL, int(time.time()))
    pipe.zadd("presence:last_seen", {str(user_id): time.time()})
    pipe.execute()


def online_users() -> list[int]:
    cutoff = time.time() - ONLINE_TTL
    r.zremrangebyscore("presence:last_seen", 0, cutoff)
    return [int(u) for u in r.zrange("presence:last_seen", 0, -1)]


def set_room_title(room_id: int, title: str) -> None:
    # ok: presence-key-without-ttl
    r.hset(f"room:{room_id}", mapping={"title": title, "updated": int(time.time())})


def join_room(room_id: int, user_id: int) -> None:
    # ruleid: presence-key-without-ttl
    r.sadd(f"room:{room_id}:present", user_id)


def leave_room(room_id: int, user_id: int) -> None:
    r.srem(f"room:{room_id}:present", user_id)


def typing(room_id: int, user_id: int) -> None:
    # ok: presence-key-without-ttl
    r.set(f"room:{room_id}:typing:{user_id}", 1, ex=5)
