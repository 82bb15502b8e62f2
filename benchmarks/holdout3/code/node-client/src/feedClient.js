'use strict';

// Consumes the partner order feed and writes to our queue.
const WebSocket = require('ws');
const { enqueue } = require('./queue');
const log = require('./log');

const FEED_URL = process.env.FEED_URL || 'wss://feed.partner.example.com/v3/orders';
const RETRY_MS = Number(process.env.FEED_RETRY_MS || 2000);

let ws;
let lastSeq = 0;

function connect() {
  // ok: token-in-query-string
  ws = new WebSocket(FEED_URL, {
    headers: { Authorization: `Bearer ${process.env.FEED_TOKEN}` },
    handshakeTimeout: 10000,
  });

  ws.on('open', () => {
    log.info('feed connected');
    // ok: send-without-open-check
    ws.send(JSON.stringify({ op: 'resume', after: lastSeq }));
  });

  ws.on('message', async (data) => {
    const started = Date.now();
    try {
      // ruleid: json-parse-without-guard
      const evt = JSON.parse(data);
      if (evt.seq <= lastSeq) return;
      await enqueue('orders', evt);
      lastSeq = evt.seq;
    } finally {
      log.debug('feed message handled', { ms: Date.now() - started });
    }
  });

  ws.on('close', (code, reason) => {
    log.warn('feed closed', { code, reason: reason.toString() });
    // ruleid: reconnect-without-backoff
    setTimeout(connect, RETRY_MS);
  });

  ws.on('error', (err) => log.error('feed error', err));
}

function ack(seq) {
  if (ws && ws.readyState === WebSocket.OPEN) {
    // ok: send-without-open-check
    ws.send(JSON.stringify({ op: 'ack', seq }));
  }
}

module.exports = { connect, ack };
