const cluster = require('node:cluster');
const http = require('node:http');
const os = require('node:os');
const { Server } = require('socket.io');
const { setupMaster, setupWorker } = require('@socket.io/sticky');
const { createAdapter, setupPrimary } = require('@socket.io/cluster-adapter');
const { createClient } = require('redis');

const ALLOWED_ORIGINS = (process.env.ALLOWED_ORIGINS || 'https://play.example.com').split(',');

if (cluster.isPrimary) {
  const httpServer = http.createServer();
  setupMaster(httpServer, { loadBalancingMethod: 'least-connection' });
  setupPrimary();
  httpServer.listen(3000);
  for (let i = 0; i < os.availableParallelism(); i++) cluster.fork();
  cluster.on('exit', () => cluster.fork());
  return;
}

const redis = createClient({ url: process.env.REDIS_URL });
redis.connect();

const httpServer = http.createServer();
const io = new Server(httpServer, {
  transports: ['websocket', 'polling'],
  // ok: socketio-wildcard-cors
  cors: { origin: ALLOWED_ORIGINS, credentials: true },
  // the websocket transport skips CORS, so check Origin here as well
  allowRequest: (req, callback) => {
    callback(null, ALLOWED_ORIGINS.includes(req.headers.origin));
  },
  maxHttpBufferSize: 100_000,
});
io.adapter(createAdapter());
setupWorker(io);

io.on('connection', async (socket) => {
  const userId = socket.handshake.auth.userId;
  if (!userId) return socket.disconnect(true);

  // ruleid: presence-key-without-ttl
  await redis.sAdd('lobby:online', userId);
  io.emit('lobby:joined', { userId });

  socket.on('lobby:chat', (text) => {
    if (typeof text !== 'string' || text.length > 500) return;
    io.emit('lobby:chat', { userId, text, at: Date.now() });
  });

  socket.on('disconnect', async () => {
    await redis.sRem('lobby:online', userId);
    io.emit('lobby:left', { userId });
  });
});
