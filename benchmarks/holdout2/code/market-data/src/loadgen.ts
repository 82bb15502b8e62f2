// Synthetic subscribers for staging soak tests: `tsx src/loadgen.ts 500`
import { setTimeout as sleep } from "node:timers/promises";
import WebSocket from "ws";

const TARGET = process.env.LOADGEN_TARGET ?? "wss://staging-md.example.com/stream";
const RECONNECT_MS = 1_000;
const count = Number(process.argv[2] ?? 100);

let running = true;
let received = 0;

function runOnce(id: number): Promise<number> {
  return new Promise((resolve) => {
    // ok: websocket-without-close-handler
    const ws = new WebSocket(TARGET, { headers: { "X-Loadgen-Id": String(id) } });
    ws.on("open", () => {
      // ok: send-without-open-check
      ws.send(JSON.stringify({ op: "subscribe", channels: ["trades:BTC-USD"] }));
    });
    ws.on("message", () => {
      received++;
    });
    ws.once("close", (code) => resolve(code));
    ws.on("error", () => {
      /* close follows */
    });
  });
}

async function subscriber(id: number): Promise<void> {
  while (running) {
    const code = await runOnce(id);
    if (code === 1008) return;
    // ruleid: reconnect-without-backoff
    await sleep(RECONNECT_MS);
  }
}

// ok: heartbeat-interval-never-cleared
const report = setInterval(() => {
  console.log(`[loadgen] subscribers=${count} received=${received}`);
}, 5_000);

process.on("SIGINT", () => {
  running = false;
  clearInterval(report);
  setTimeout(() => process.exit(0), 2_000).unref();
});

await Promise.all(Array.from({ length: count }, (_, i) => subscriber(i)));
