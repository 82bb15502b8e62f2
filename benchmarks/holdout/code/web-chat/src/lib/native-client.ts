// Node-side client used by the chat bot worker (runs in our VPC, talks to the public gateway).
import WebSocket from "ws";
import { setTimeout as sleep } from "node:timers/promises";
import { logger } from "./logger";

const GATEWAY = process.env.CHAT_GATEWAY_URL ?? "wss://chat.example.app/bot";
const RETRY_MS = Number(process.env.BOT_RETRY_MS ?? 5000);

export async function runBot(token: string, onMessage: (m: unknown) => Promise<void>) {
  // simple supervisor loop: connect, wait until the socket dies, try again
  for (;;) {
    await new Promise<void>((resolve) => {
      // ok: token-in-query-string
      const ws = new WebSocket(GATEWAY, { headers: { Authorization: `Bearer ${token}` } });
      let pingTimer: NodeJS.Timeout | undefined;

      ws.on("open", () => {
        logger.info("bot connected");
        // ok: heartbeat-interval-never-cleared
        pingTimer = setInterval(() => ws.ping(), 20_000);
      });

      ws.on("message", async (raw) => {
        let msg: unknown;
        try {
          // ok: json-parse-without-guard
          msg = JSON.parse(raw.toString());
        } catch {
          logger.warn("non-json frame from gateway");
          return;
        }
        await onMessage(msg);
      });

      ws.on("close", (code) => {
        clearInterval(pingTimer);
        logger.warn({ code }, "bot disconnected");
        resolve();
      });

      ws.on("error", (err) => logger.error(err));
    });

    // ruleid: reconnect-without-backoff
    await sleep(RETRY_MS);
  }
}
