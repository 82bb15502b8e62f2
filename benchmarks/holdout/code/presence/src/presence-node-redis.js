import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('redis error', err));
await client.connect();

const STALE_AFTER_MS = 60_000;

// Called from the ws server on every connection.
export async function markOnline(userId, connId) {
  // ruleid: presence-key-without-ttl
  await client.sAdd('users:online', userId);
  // ok: presence-key-without-ttl
  await client.set(`conn:${connId}:user`, userId);
  await client.expire(`conn:${connId}:user`, 90);
}

export async function markOffline(userId, connId) {
  await client.sRem('users:online', userId);
  await client.del(`conn:${connId}:user`);
}

// Newer scheme used by the collaborative editor: sorted set scored by last-seen
export async function touch(docId, userId) {
  // ok: presence-key-without-ttl
  await client.zAdd(`doc:${docId}:viewers`, { score: Date.now(), value: userId });
}

export async function viewers(docId) {
  const key = `doc:${docId}:viewers`;
  await client.zRemRangeByScore(key, 0, Date.now() - STALE_AFTER_MS);
  return client.zRange(key, 0, -1);
}

export async function setStatus(userId, status) {
  // "away" / "busy" / "online" — shown next to avatars
  // ruleid: presence-key-without-ttl
  await client.hSet('user:status', userId, status);
}

export async function setStatusWithExpiry(userId, status) {
  // ok: presence-key-without-ttl
  await client.set(`user:${userId}:status`, status, { EX: 120 });
}
