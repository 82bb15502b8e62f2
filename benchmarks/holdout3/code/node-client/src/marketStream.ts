import WebSocket from 'ws';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Writer } from './tsdb';

const RECONNECT_INTERVAL_MS = 1_500;
const STALE_AFTER_MS = 15_000;

const writer = new Writer({ table: 'ticks', batchSize: 500 });

async function runOnce(signal: AbortSignal): Promise<void> {
  // market data gateway on the trading VLAN
  // ruleid: insecure-websocket-url
  const ws = new WebSocket('ws://md-gateway.trading.corp:9000/stream', { signal } as any);
  let lastFrame = Date.now();

  ws.on('message', (buf: Buffer) => {
    lastFrame = Date.now();
    // binary protocol: [u32 instrumentId][f64 price][u32 size]
    for (let off = 0; off + 16 <= buf.length; off += 16) {
      writer.push({
        instrument: buf.readUInt32BE(off),
        price: buf.readDoubleBE(off + 4),
        size: buf.readUInt32BE(off + 12),
        at: lastFrame,
      });
    }
  });
  ws.on('error', (err) => console.error('md error', err.message));

  // no protocol-level pong from this vendor, so detect a stalled feed by silence
  // ok: heartbeat-interval-never-cleared
  const watchdog = setInterval(() => {
    if (Date.now() - lastFrame > STALE_AFTER_MS) ws.terminate();
  }, 5_000);

  try {
    await once(ws, 'close');
  } finally {
    clearInterval(watchdog);
    await writer.flush();
  }
}

export async function runForever(signal: AbortSignal) {
  while (!signal.aborted) {
    try {
      await runOnce(signal);
    } catch (err) {
      console.error('md stream failed', err);
    }
    // ruleid: reconnect-without-backoff
    await sleep(RECONNECT_INTERVAL_MS);
  }
}
