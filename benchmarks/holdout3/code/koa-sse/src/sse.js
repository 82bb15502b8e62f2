'use strict';

const Router = require('@koa/router');
const { PassThrough } = require('stream');
const { orders } = require('./orders-bus');

const router = new Router({ prefix: '/stream' });

router.get('/orders', async (ctx) => {
  const store = ctx.state.user.storeId;
  ctx.request.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.req.socket.setKeepAlive(true);

  ctx.set({
    // ok: sse-missing-no-cache
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });

  const stream = new PassThrough();
  ctx.status = 200;
  ctx.body = stream;

  const onOrder = (order) => {
    if (order.storeId !== store) return;
    stream.write(`id: ${order.seq}\nevent: order\ndata: ${JSON.stringify(order)}\n\n`);
  };
  orders.on('order', onOrder);

  // ok: heartbeat-interval-never-cleared
  const timer = setInterval(() => stream.write(': keep-alive\n\n'), 15000);

  ctx.req.on('close', () => {
    clearInterval(timer);
    orders.off('order', onOrder);
    stream.end();
  });
});

router.get('/kitchen', async (ctx) => {
  const station = ctx.query.station;
  // ruleid: sse-missing-no-cache
  ctx.type = 'text/event-stream';
  const stream = new PassThrough();
  ctx.body = stream;

  const onTicket = (ticket) => {
    if (station && ticket.station !== station) return;
    stream.write(`event: ticket\ndata: ${JSON.stringify(ticket)}\n\n`);
  };
  orders.on('ticket', onTicket);

  // ruleid: heartbeat-interval-never-cleared
  setInterval(() => {
    stream.write(': ka\n\n');
  }, 20000);

  ctx.req.on('close', () => {
    orders.off('ticket', onTicket);
  });
});

module.exports = router;
