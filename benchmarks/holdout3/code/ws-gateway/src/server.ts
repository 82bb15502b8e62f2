import { createServer } from 'node:http';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { z } from 'zod';
import { redeemTicket } from './tickets';
import { Bus } from './bus';

const allowedOrigins = new Set(process.env.ALLOWED_ORIGINS!.split(','));
const server = createServer((_req, res) => res.writeHead(404).end());
const bus = new Bus(process.env.NATS_URL!);

const ClientMsg = z.discriminatedUnion('op', [
  z.object({ op: z.literal('sub'), topic: z.string().max(128) }),
  z.object({ op: z.literal('unsub'), topic: z.string().max(128) }),
  z.object({ op: z.literal('ping'), t: z.number() }),
]);

// ok: websocket-server-without-origin-check
const wss = new WebSocketServer({
  server,
  path: '/gw',
  // ok: unbounded-message-size
  maxPayload: 256 * 1024,
  verifyClient: ({ origin }, done) => {
    if (!allowedOrigins.has(origin)) return done(false, 403, 'origin not allowed');
    done(true);
  },
});

type Conn = WebSocket & { userId?: string; topics?: Set<string> };

wss.on('connection', async (ws: Conn, req) => {
  const ticket = new URL(req.url ?? '', 'http://gw').searchParams.get('ticket');
  const user = ticket ? await redeemTicket(ticket) : null;
  if (!user) return ws.close(4401, 'invalid ticket');
  ws.userId = user.id;
  ws.topics = new Set();

  ws.on('message', (raw: RawData) => {
    let parsed: unknown;
    try {
      // ok: json-parse-without-guard
      parsed = JSON.parse(raw.toString());
    } catch {
      return ws.close(1007, 'invalid json');
    }
    const msg = ClientMsg.safeParse(parsed);
    if (!msg.success) return;
    switch (msg.data.op) {
      case 'sub':
        if (!user.topics.includes(msg.data.topic)) return;
        ws.topics!.add(msg.data.topic);
        bus.subscribe(msg.data.topic, ws);
        break;
      case 'unsub':
        ws.topics!.delete(msg.data.topic);
        bus.unsubscribe(msg.data.topic, ws);
        break;
      case 'ping':
        // ok: send-without-open-check
        ws.send(JSON.stringify({ op: 'pong', t: msg.data.t }));
        break;
    }
  });

  ws.on('close', () => ws.topics?.forEach((t) => bus.unsubscribe(t, ws)));
});

server.listen(Number(process.env.PORT ?? 9000));
