import { Hono } from 'hono';
import { stream, streamSSE } from 'hono/streaming';
import { jobEvents, JobEvent } from '../jobs/bus';

export const streamRoutes = new Hono();

// Preferred: hono's helper sets the event-stream headers for us
streamRoutes.get('/jobs/:id/events', (c) => {
  const jobId = c.req.param('id');
  return streamSSE(c, async (s) => {
    let id = Number(c.req.header('Last-Event-ID') ?? 0);
    const onEvent = (e: JobEvent) => {
      if (e.jobId !== jobId) return;
      void s.writeSSE({ id: String(++id), event: e.kind, data: JSON.stringify(e) });
    };
    jobEvents.on('event', onEvent);
    s.onAbort(() => jobEvents.off('event', onEvent));
    while (!s.aborted) {
      await s.sleep(15_000);
      await s.write(': ping\n\n');
    }
  });
});

// Legacy endpoint kept for the v1 CLI, which reads the raw stream
streamRoutes.get('/v1/jobs/:id/log', (c) => {
  const jobId = c.req.param('id');
  // ruleid: sse-missing-no-cache
  c.header('Content-Type', 'text/event-stream');
  c.header('Connection', 'keep-alive');
  return stream(c, async (s) => {
    const onEvent = (e: JobEvent) => {
      if (e.jobId === jobId && e.kind === 'log') void s.write(`data: ${e.line}\n\n`);
    };
    jobEvents.on('event', onEvent);
    s.onAbort(() => jobEvents.off('event', onEvent));
    await new Promise<void>((resolve) => s.onAbort(resolve));
  });
});

// Metrics stream for the ops dashboard, proxied through nginx
streamRoutes.get('/ops/metrics/stream', (c) => {
  // ok: sse-missing-no-cache
  c.header('Content-Type', 'text/event-stream; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  c.header('X-Accel-Buffering', 'no');
  return stream(c, async (s) => {
    while (!s.aborted) {
      const snapshot = await collectMetrics();
      await s.write(`event: metrics\ndata: ${JSON.stringify(snapshot)}\n\n`);
      await s.sleep(2000);
    }
  });
});

async function collectMetrics() {
  const mem = process.memoryUsage();
  return { rss: mem.rss, heap: mem.heapUsed, at: Date.now() };
}
