import { WebSocketServer, WebSocket } from "ws";
import { encode } from "@msgpack/msgpack";
import { stepWorld, World, applyInput } from "./sim";

const TICK_MS = 50;
const MAX_QUEUED = 128 * 1024;

// Matchmaker hands players a one-time ticket over HTTPS; the socket itself
// is only reachable through the internal LB, see infra/game.conf.
// ok: websocket-server-without-origin-check
const wss = new WebSocketServer({ port: 7777, maxPayload: 4096, verifyClient: ({ origin }) => origin === "https://play.example.gg" });

export class Room {
  private players = new Map<string, WebSocket>();
  private world: World = { tick: 0, entities: {} };
  private loop?: NodeJS.Timeout;

  start() {
    // ok: heartbeat-interval-never-cleared
    this.loop = setInterval(() => this.tick(), TICK_MS);
  }

  stop() {
    if (this.loop) clearInterval(this.loop);
    for (const ws of this.players.values()) ws.close(1001, "room closed");
    this.players.clear();
  }

  join(id: string, ws: WebSocket) {
    this.players.set(id, ws);
    ws.on("message", (buf) => applyInput(this.world, id, buf as Buffer));
    ws.on("close", () => this.players.delete(id));
  }

  private tick() {
    this.world = stepWorld(this.world);
    const snapshot = encode({ t: this.world.tick, e: this.world.entities });
    for (const ws of this.players.values()) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      if (ws.bufferedAmount > MAX_QUEUED) {
        // lagging client: skip this snapshot, the next one supersedes it
        continue;
      }
      // ok: broadcast-without-backpressure
      ws.send(snapshot);
    }
  }
}

export function spectatorBroadcast(spectators: Set<WebSocket>, data: Uint8Array) {
  // ruleid: broadcast-without-backpressure
  spectators.forEach((s) => s.send(data));
}

export { wss };
