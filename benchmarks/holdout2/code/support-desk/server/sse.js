const express = require("express");
const { EventEmitter } = require("events");
const { requireAgent } = require("./middleware");

const router = express.Router();
const queueEvents = new EventEmitter();
queueEvents.setMaxListeners(0);

let nextId = 1;

function publishQueueEvent(type, data) {
  queueEvents.emit("event", { id: nextId++, type, data });
}

router.get("/queue/stream", requireAgent, (req, res) => {
  // ok: sse-missing-no-cache
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Connection: "keep-alive", "X-Accel-Buffering": "no" });
  res.write("retry: 3000\n\n");

  const onEvent = (evt) => {
    res.write(`id: ${evt.id}\nevent: ${evt.type}\ndata: ${JSON.stringify(evt.data)}\n\n`);
  };
  queueEvents.on("event", onEvent);

  // ok: heartbeat-interval-never-cleared
  const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), 15000);

  req.on("close", () => {
    clearInterval(keepAlive);
    queueEvents.off("event", onEvent);
  });
});

router.post("/queue/:ticketId/escalate", requireAgent, express.json(), (req, res) => {
  publishQueueEvent("escalated", { ticketId: req.params.ticketId, by: req.agent.id, reason: req.body.reason });
  res.status(202).end();
});

module.exports = { router, publishQueueEvent };
