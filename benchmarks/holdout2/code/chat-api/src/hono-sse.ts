import { Hono } from "hono";
import { stream, streamSSE } from "hono/streaming";
import { jobs } from "./jobs";
import { tailLogs } from "./logs";

const app = new Hono();

// Job progress: streamSSE sets the event-stream headers for us.
app.get("/sse/jobs/:id", (c) => {
  const id = c.req.param("id");
  // ok: sse-missing-no-cache
  return streamSSE(c, async (s) => {
    let seq = Number(c.req.header("Last-Event-ID") ?? 0);
    while (!s.aborted) {
      const events = await jobs.eventsSince(id, seq);
      for (const e of events) {
        seq = e.seq;
        await s.writeSSE({ id: String(e.seq), event: e.kind, data: JSON.stringify(e.data) });
      }
      if (events.some((e) => e.kind === "done")) break;
      await s.sleep(1000);
    }
  });
});

// Raw log tail for the admin UI.
app.get("/sse/logs/:svc", (c) => {
  const svc = c.req.param("svc");
  // ruleid: sse-missing-no-cache
  c.header("Content-Type", "text/event-stream");
  return stream(c, async (s) => {
    const iter = tailLogs(svc);
    s.onAbort(() => iter.return?.());
    for await (const line of iter) {
      await s.write(`data: ${line.replace(/\n/g, " ")}\n\n`);
    }
  });
});

app.get("/healthz", (c) => c.text("ok"));

export default app;
