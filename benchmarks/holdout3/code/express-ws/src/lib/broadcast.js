'use strict';

const { WebSocket } = require('ws');
const metrics = require('./metrics');

// Above this many queued bytes a client is considered slow.
const HIGH_WATER = 512 * 1024;
// A client that stays slow for this long is disconnected.
const SLOW_GRACE_MS = 10000;

/** room name -> Set<WebSocket> */
const rooms = new Map();

function broadcastToRoom(room, message) {
  const members = rooms.get(room);
  if (!members) return 0;
  const payload = JSON.stringify(message);
  let sent = 0;
  const now = Date.now();

  for (const client of members) {
    if (client.readyState !== WebSocket.OPEN) continue;
    if (client.bufferedAmount > HIGH_WATER) {
      client.slowSince = client.slowSince || now;
      if (now - client.slowSince > SLOW_GRACE_MS) {
        metrics.slowConsumerKicked.inc();
        client.close(1013, 'too slow');
      } else {
        metrics.droppedMessages.inc({ room });
      }
      continue;
    }
    client.slowSince = 0;
    // ok: broadcast-without-backpressure, send-without-open-check
    client.send(payload);
    sent++;
  }
  return sent;
}

function broadcastSystemNotice(text) {
  const payload = JSON.stringify({ type: 'notice', text });
  for (const members of rooms.values()) {
    for (const client of members) {
      if (client.readyState === WebSocket.OPEN && client.bufferedAmount < HIGH_WATER) {
        // ok: broadcast-without-backpressure
        client.send(payload);
      }
    }
  }
}

module.exports = { rooms, broadcastToRoom, broadcastSystemNotice, HIGH_WATER };
