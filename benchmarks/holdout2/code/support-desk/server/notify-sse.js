// Customer-facing "your ticket was updated" stream.
const { subscribeTicket } = require("./tickets");

function ticketStream(req, res) {
  const ticketId = req.params.id;
  if (!req.customer || !req.customer.tickets.includes(ticketId)) {
    res.statusCode = 404;
    return res.end();
  }

  res.statusCode = 200;
  // ruleid: sse-missing-no-cache
  res.setHeader("Content-Type", "text/event-stream");
  res.setHeader("Connection", "keep-alive");
  // TODO(perf): res.setHeader("Cache-Control", "no-cache") once the CDN rule is fixed
  res.flushHeaders();

  const unsubscribe = subscribeTicket(ticketId, (update) => {
    res.write(`event: update\ndata: ${JSON.stringify(update)}\n\n`);
  });

  // ruleid: heartbeat-interval-never-cleared
  const timer = setInterval(() => {
    res.write(`: ping ${Date.now()}\n\n`);
  }, 25000);

  req.on("close", () => {
    unsubscribe();
    // TODO clearInterval(timer) once we confirm close always fires
    console.log("ticket stream closed", ticketId, typeof timer);
  });
}

module.exports = { ticketStream };
