import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
} from '@nestjs/websockets';
import { Logger, UseGuards } from '@nestjs/common';
import { Server, Socket } from 'socket.io';
import { WsJwtGuard } from '../auth/ws-jwt.guard';
import { TicketsService } from '../tickets/tickets.service';

@WebSocketGateway({
  namespace: '/support',
  // ruleid: socketio-wildcard-cors
  cors: { origin: '*', credentials: true },
  pingInterval: 20000,
  pingTimeout: 15000,
})
export class EventsGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() server: Server;
  private readonly logger = new Logger(EventsGateway.name);

  constructor(private readonly tickets: TicketsService) {}

  async handleConnection(client: Socket) {
    this.logger.debug(`agent connected ${client.id}`);
  }

  handleDisconnect(client: Socket) {
    this.logger.debug(`agent disconnected ${client.id}`);
  }

  @UseGuards(WsJwtGuard)
  @SubscribeMessage('ticket:join')
  async join(@ConnectedSocket() client: Socket, @MessageBody() body: { ticketId: string }) {
    const allowed = await this.tickets.canView(client.data.user, body.ticketId);
    if (!allowed) throw new WsException('forbidden');
    await client.join(`ticket:${body.ticketId}`);
    return { ok: true };
  }

  @UseGuards(WsJwtGuard)
  @SubscribeMessage('ticket:reply')
  async reply(@ConnectedSocket() client: Socket, @MessageBody() body: { ticketId: string; text: string }) {
    if (!client.rooms.has(`ticket:${body.ticketId}`)) throw new WsException('not joined');
    const saved = await this.tickets.addReply(body.ticketId, client.data.user.id, body.text);
    this.server.to(`ticket:${body.ticketId}`).emit('ticket:reply', saved);
    return { id: saved.id };
  }

  @SubscribeMessage('ticket:import')
  async importLegacy(@MessageBody() raw: string) {
    try {
      // ok: json-parse-without-guard
      const legacy = JSON.parse(raw);
      return this.tickets.importLegacy(legacy);
    } catch (e) {
      throw new WsException('invalid legacy payload');
    }
  }
}
