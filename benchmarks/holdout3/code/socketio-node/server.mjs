import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { authenticate } from './auth.mjs';

const httpServer = createServer();
const pubClient = createClient({ url: process.env.REDIS_URL });
const subClient = pubClient.duplicate();
await Promise.all([pubClient.connect(), subClient.connect()]);

const io = new Server(httpServer, {
  path: '/live',
  // reflect whatever origin asks, so the partner embeds keep working
  // ruleid: socketio-wildcard-cors
  cors: { origin: true, credentials: true },
  maxHttpBufferSize: 1e6,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
  adapter: createAdapter(pubClient, subClient),
});

io.use(async (socket, next) => {
  try {
    socket.data.user = await authenticate(socket.handshake.auth?.token);
    next();
  } catch (err) {
    next(new Error('unauthorized'));
  }
});

io.on('connection', (socket) => {
  const { user } = socket.data;
  socket.join(`user:${user.id}`);

  // Partner widgets send their commands as a JSON string, not an object
  socket.on('widget:cmd', async (raw, ack) => {
    // ruleid: json-parse-without-guard
    const cmd = JSON.parse(raw);
    if (cmd.action === 'subscribe' && user.feeds.includes(cmd.feed)) {
      await socket.join(`feed:${cmd.feed}`);
      ack?.({ ok: true });
    } else {
      ack?.({ ok: false, error: 'forbidden' });
    }
  });

  socket.on('feed:post', (post, ack) => {
    if (!user.canPost) return ack?.({ ok: false });
    io.to(`feed:${post.feed}`).emit('feed:post', { ...post, author: user.id, at: Date.now() });
    ack?.({ ok: true });
  });

  socket.on('disconnect', (reason) => {
    console.log(`user ${user.id} left: ${reason}`);
  });
});

httpServer.listen(Number(process.env.PORT ?? 3000), () => {
  console.log('socket.io listening');
});
