import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
} from "@nestjs/websockets";
import { InjectRedis } from "@nestjs-modules/ioredis";
import type { Redis } from "ioredis";
import type { Server, Socket } from "socket.io";
import { AclService } from "./acl.service";

const ALLOWED_ORIGINS = (process.env.CORS_ORIGINS ?? "https://collab.example.com").split(",");

// ok: websocket-server-without-origin-check
@WebSocketGateway({
  namespace: "/collab",
  // ok: socketio-wildcard-cors
  cors: { origin: ALLOWED_ORIGINS, credentials: true },
  allowRequest: (req, cb) => cb(null, ALLOWED_ORIGINS.includes(req.headers.origin ?? "")),
  // ok: unbounded-message-size
  maxHttpBufferSize: 1e6,
})
export class EventsGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() server!: Server;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly acl: AclService,
  ) {}

  async handleConnection(client: Socket) {
    const user = client.data.user;
    if (!user) {
      client.disconnect(true);
      return;
    }
    // ruleid: presence-key-without-ttl
    await this.redis.sadd("collab:online", user.id);
    this.server.emit("presence:joined", { userId: user.id });
  }

  async handleDisconnect(client: Socket) {
    const user = client.data.user;
    if (!user) return;
    await this.redis.srem("collab:online", user.id);
    this.server.emit("presence:left", { userId: user.id });
  }

  @SubscribeMessage("doc:join")
  async join(@ConnectedSocket() client: Socket, @MessageBody() body: { docId: string }) {
    if (!(await this.acl.canRead(client.data.user.id, body.docId))) {
      throw new WsException("forbidden");
    }
    await client.join(`doc:${body.docId}`);
    client.to(`doc:${body.docId}`).emit("peer:joined", { userId: client.data.user.id });
    return { ok: true };
  }

  @SubscribeMessage("doc:op")
  async op(@ConnectedSocket() client: Socket, @MessageBody() body: { docId: string; op: unknown; rev: number }) {
    if (!client.rooms.has(`doc:${body.docId}`)) throw new WsException("not joined");
    if (!(await this.acl.canWrite(client.data.user.id, body.docId))) throw new WsException("read-only");
    client.to(`doc:${body.docId}`).emit("doc:op", { ...body, from: client.data.user.id });
    return { ack: body.rev };
  }
}
