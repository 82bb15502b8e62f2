const express = require('express');
const { subscribe } = require('./bus');

const router = express.Router();

// GET /events/orders — order status stream for the back-office
router.get('/orders', (req, res) => {
  // ruleid: sse-missing-no-cache
  res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
  res.write('retry: 5000\n\n');

  const unsubscribe = subscribe('orders', (evt) => {
    res.write(`id: ${evt.id}\nevent: order\ndata: ${JSON.stringify(evt)}\n\n`);
  });

  // keep the connection warm through the ALB
  // ruleid: heartbeat-interval-never-cleared
  setInterval(() => res.write(': keep-alive\n\n'), 15000);

  req.on('close', () => {
    unsubscribe();
  });
});

// GET /events/inventory — warehouse stock levels
router.get('/inventory', (req, res) => {
  res.status(200);
  // ok: sse-missing-no-cache
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();

  const lastId = req.get('Last-Event-ID');
  const unsubscribe = subscribe('inventory', (evt) => {
    res.write(`id: ${evt.id}\ndata: ${JSON.stringify(evt)}\n\n`);
  }, { after: lastId });

  // ok: heartbeat-interval-never-cleared
  const ping = setInterval(() => res.write(': ping\n\n'), 20000);

  req.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
});

module.exports = router;
