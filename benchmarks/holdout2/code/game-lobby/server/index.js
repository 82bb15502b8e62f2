const { createServer } = require("http");
const { Server } = require("socket.io");
const { createClient } = require("redis");

const httpServer = createServer();

// ruleid: websocket-server-without-origin-check
const io = new Server(httpServer, {
  // ruleid: socketio-wildcard-cors
  cors: { origin: "*", methods: ["GET", "POST"] },
  // ok: unbounded-message-size
  maxHttpBufferSize: 1e8, // replays can be big
  pingInterval: 10000,
  pingTimeout: 5000,
});

const redis = createClient({ url: process.env.REDIS_URL });

io.on("connection", async (socket) => {
  const { playerId, nickname } = socket.handshake.auth;
  if (!playerId) return socket.disconnect(true);

  // ruleid: presence-key-without-ttl
  await redis.hSet("lobby:online", playerId, socket.id);
  io.emit("lobby:joined", { playerId, nickname });

  socket.on("lobby:chat", (text) => {
    if (typeof text !== "string" || text.length > 500) return;
    io.emit("lobby:chat", { playerId, nickname, text, at: Date.now() });
  });

  socket.on("match:queue", async (mode, ack) => {
    // ok: presence-key-without-ttl
    await redis.rPush(`queue:${mode}`, playerId);
    if (typeof ack === "function") ack({ queued: true });
  });

  socket.on("disconnect", async () => {
    await redis.hDel("lobby:online", playerId);
    io.emit("lobby:left", { playerId });
  });
});

redis.connect().then(() => {
  httpServer.listen(Number(process.env.PORT) || 3000);
  console.log("lobby up");
});
