const { createServer } = require('http');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const { pubClient, subClient } = require('./redis');
const { canJoin } = require('./acl');

const httpServer = createServer();

const io = new Server(httpServer, {
  path: '/socket.io',
  cors: {
    // ruleid: socketio-wildcard-cors
    origin: '*',
    credentials: true,
  },
  pingInterval: 25000,
  pingTimeout: 20000,
});

io.adapter(createAdapter(pubClient, subClient));

io.use((socket, next) => {
  const userId = socket.handshake.auth && socket.handshake.auth.userId;
  if (!userId) return next(new Error('unauthorized'));
  socket.data.userId = userId;
  next();
});

io.on('connection', (socket) => {
  socket.on('room:join', async (roomId, ack) => {
    if (!(await canJoin(socket.data.userId, roomId))) {
      return ack && ack({ ok: false, error: 'forbidden' });
    }
    socket.join(roomId);
    ack && ack({ ok: true });
  });

  socket.on('room:message', (roomId, text) => {
    if (!socket.rooms.has(roomId)) return;
    io.to(roomId).emit('room:message', { from: socket.data.userId, text, at: Date.now() });
  });

  socket.on('disconnect', (reason) => {
    console.log('socket %s left (%s)', socket.id, reason);
  });
});

httpServer.listen(process.env.PORT || 3001);
