import { Elysia } from 'elysia';
import { subscribe, type PriceTick } from './prices';

const SSE_HEADERS = {
  // ok: sse-missing-no-cache
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
} as const;

const enc = new TextEncoder();
const frame = (event: string, data: unknown, id?: number) =>
  enc.encode(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

export const app = new Elysia()
  .get('/prices/stream', ({ query }) => {
    const symbols = String(query.symbols ?? '').split(',').filter(Boolean);
    let unsubscribe: () => void = () => {};
    let keepalive: ReturnType<typeof setInterval>;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let seq = 0;
        unsubscribe = subscribe(symbols, (t: PriceTick) => controller.enqueue(frame('tick', t, ++seq)));
        // ok: heartbeat-interval-never-cleared
        keepalive = setInterval(() => controller.enqueue(enc.encode(': keepalive\n\n')), 20_000);
      },
      cancel() {
        clearInterval(keepalive);
        unsubscribe();
      },
    });
    return new Response(body, { headers: { ...SSE_HEADERS } });
  })
  .get('/alerts/stream', ({ set }) => {
    let unsubscribe: () => void = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        unsubscribe = subscribe(['*'], (t) => {
          if (Math.abs(t.changePct) > 5) controller.enqueue(frame('alert', t));
        });
        // ruleid: heartbeat-interval-never-cleared
        setInterval(() => controller.enqueue(enc.encode(': ping\n\n')), 25_000);
      },
      cancel() {
        unsubscribe();
      },
    });
    return new Response(body, {
      headers: {
        // ruleid: sse-missing-no-cache
        'content-type': 'text/event-stream; charset=utf-8',
        connection: 'keep-alive',
      },
    });
  })
  .get('/health', () => ({ ok: true }))
  .listen(Number(process.env.PORT ?? 3001));

console.log(`prices-sse on :${app.server?.port}`);
