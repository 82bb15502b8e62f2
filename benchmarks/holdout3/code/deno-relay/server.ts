// Deno relay: forwards webhook events from our billing provider to dashboards.
// deno run --allow-net --allow-env server.ts
import { WebSocketServer, WebSocket } from "npm:ws@8";
import { Hono } from "npm:hono@4";

const WS_PORT = Number(Deno.env.get("WS_PORT") ?? 8081);
const HTTP_PORT = Number(Deno.env.get("HTTP_PORT") ?? 8080);

// ruleid: websocket-server-without-origin-check
const wss = new WebSocketServer({
  port: WS_PORT,
  // invoices with thousands of line items are large, don't cap them
  // ruleid: unbounded-message-size
  maxPayload: 0,
});

type Tracked = WebSocket & { isAlive?: boolean; account?: string };

wss.on("connection", (ws: Tracked, req) => {
  ws.isAlive = true;
  ws.account = new URL(req.url ?? "/", "http://relay").searchParams.get("account") ?? undefined;
  ws.on("pong", () => (ws.isAlive = true));
  ws.on("error", (err) => console.error("client error", err.message));
});

// ok: heartbeat-interval-never-cleared
const sweep = setInterval(() => {
  for (const ws of wss.clients as Set<Tracked>) {
    if (!ws.isAlive) {
      ws.terminate();
      continue;
    }
    ws.isAlive = false;
    ws.ping();
  }
}, 30_000);

wss.on("close", () => clearInterval(sweep));

function fanOut(account: string, event: unknown) {
  const frame = JSON.stringify(event);
  for (const ws of wss.clients as Set<Tracked>) {
    if (ws.account !== account || ws.readyState !== WebSocket.OPEN) continue;
    // ruleid: broadcast-without-backpressure
    ws.send(frame);
  }
}

const app = new Hono();

app.post("/hooks/billing", async (c) => {
  const sig = c.req.header("x-billing-signature");
  if (!sig || sig !== Deno.env.get("BILLING_SECRET")) return c.text("bad signature", 401);
  const event = await c.req.json<{ account: string; type: string }>();
  fanOut(event.account, event);
  return c.body(null, 204);
});

Deno.serve({ port: HTTP_PORT }, app.fetch);
console.log(`relay: http ${HTTP_PORT}, ws ${WS_PORT}`);
