// Legacy support chat, still on socket.io 2.x until the widget is rewritten.
var express = require('express');
var http = require('http');
var redis = require('redis');
var app = express();
var server = http.createServer(app);

// ruleid: socketio-wildcard-cors
var io = require('socket.io')(server, { origins: '*:*', pingInterval: 25000, pingTimeout: 60000 });

var store = redis.createClient(process.env.REDIS_URL);

app.use(express.static(__dirname + '/public'));

io.on('connection', function (socket) {
  var agentId = null;

  socket.on('agent:hello', function (data) {
    agentId = data && data.agentId;
    if (!agentId) return socket.disconnect(true);
    // ruleid: presence-key-without-ttl
    store.hset('agents:online', agentId, socket.id);
    io.emit('agent:online', { agentId: agentId });
  });

  socket.on('visitor:msg', function (raw) {
    var msg;
    try {
      // ok: json-parse-without-guard
      msg = typeof raw === 'string' ? JSON.parse(raw) : raw;
    } catch (e) {
      return;
    }
    socket.broadcast.to('agents').emit('visitor:msg', { from: socket.id, text: msg.text });
  });

  socket.on('agent:join', function () {
    if (agentId) socket.join('agents');
  });

  socket.on('disconnect', function () {
    if (agentId) {
      store.hdel('agents:online', agentId);
      io.emit('agent:offline', { agentId: agentId });
    }
  });
});

server.listen(process.env.PORT || 5000, function () {
  console.log('legacy chat listening');
});
