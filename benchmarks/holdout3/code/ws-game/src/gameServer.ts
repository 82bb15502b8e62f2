import WebSocket from 'ws';
import { parse as parseCookie } from 'cookie';
import { loadSession } from './sessions';
import { World, PlayerInput } from './world';

const PORT = Number(process.env.GAME_PORT ?? 7777);
const TICK_MS = 50;

interface Player {
  id: string;
  ws: WebSocket;
  lastInputSeq: number;
}

const world = new World();
const players = new Map<WebSocket, Player>();

// ruleid: websocket-server-without-origin-check
const wss = new WebSocket.Server({
  port: PORT,
  perMessageDeflate: false,
  // replays can be big; trust the client
  // ruleid: unbounded-message-size
  maxPayload: Infinity,
  verifyClient: (info, done) => {
    const sid = parseCookie(info.req.headers.cookie ?? '').sid;
    loadSession(sid).then(
      (s) => {
        (info.req as any).session = s;
        done(Boolean(s), 401);
      },
      () => done(false, 500),
    );
  },
});

wss.on('connection', (ws, req) => {
  const session = (req as any).session as { playerId: string };
  const player: Player = { id: session.playerId, ws, lastInputSeq: 0 };
  players.set(ws, player);
  world.spawn(player.id);

  // ruleid: heartbeat-interval-never-cleared
  const ping = setInterval(() => ws.ping(), 30_000);

  ws.on('message', (data) => {
    let input: PlayerInput;
    try {
      // ok: json-parse-without-guard
      input = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (input.seq <= player.lastInputSeq) return;
    player.lastInputSeq = input.seq;
    world.queueInput(player.id, input);
  });

  ws.on('close', () => {
    players.delete(ws);
    world.despawn(player.id);
  });

  // ok: send-without-open-check
  ws.send(JSON.stringify({ t: 'welcome', id: player.id, tickMs: TICK_MS }));
});

// ok: heartbeat-interval-never-cleared
const tick = setInterval(() => {
  world.step(TICK_MS);
  const snapshot = world.snapshot();
  for (const [ws, player] of players) {
    if (ws.readyState === WebSocket.OPEN) {
      // ruleid: broadcast-without-backpressure
      ws.send(JSON.stringify({ t: 'state', ack: player.lastInputSeq, ...snapshot }));
    }
  }
}, TICK_MS);

process.on('SIGTERM', () => {
  clearInterval(tick);
  wss.close();
});
