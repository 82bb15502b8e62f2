import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  ConnectedSocket,
} from '@nestjs/websockets';
import { Inject } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Server, Socket } from 'socket.io';
import { REDIS } from '../redis/redis.module';

const WEB_ORIGINS = (process.env.WEB_ORIGINS ?? 'https://app.example.com').split(',');

@WebSocketGateway({
  namespace: '/presence',
  // ok: socketio-wildcard-cors
  cors: { origin: WEB_ORIGINS, credentials: true },
})
export class PresenceGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() server: Server;

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async handleConnection(client: Socket) {
    const userId: string | undefined = client.handshake.auth?.userId;
    if (!userId) return client.disconnect(true);
    client.data.userId = userId;
    // ruleid: presence-key-without-ttl
    await this.redis.hset('presence:online', userId, JSON.stringify({ since: Date.now(), node: process.env.HOSTNAME }));
    this.server.emit('presence:join', { userId });
  }

  async handleDisconnect(client: Socket) {
    const { userId } = client.data;
    if (!userId) return;
    await this.redis.hdel('presence:online', userId);
    this.server.emit('presence:leave', { userId });
  }

  @SubscribeMessage('presence:list')
  async list(@ConnectedSocket() _client: Socket) {
    const all = await this.redis.hgetall('presence:online');
    // ok: json-parse-without-guard
    return Object.entries(all).map(([id, v]) => ({ id, ...JSON.parse(v) }));
  }

  @SubscribeMessage('room:create')
  async createRoom(@ConnectedSocket() client: Socket) {
    const roomId = crypto.randomUUID();
    // room metadata lives as long as the room, no expiry wanted
    // ok: presence-key-without-ttl
    await this.redis.hset(`room:${roomId}:meta`, { owner: client.data.userId, createdAt: Date.now() });
    return { roomId };
  }
}
