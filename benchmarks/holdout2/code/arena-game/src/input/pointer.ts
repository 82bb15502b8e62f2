// Aim input for the arena client. The server is authoritative; we only send intents.

const SEND_EVERY_MS = 33; // ~30 Hz is plenty; the server ticks at 20 Hz
const MAX_OUTBOX = 256;

export class GameConnection {
  private ws: WebSocket;
  private outbox: string[] = [];
  onClosed?: (code: number) => void;

  constructor(url: string) {
    // ok: websocket-without-close-handler
    this.ws = new WebSocket(url);
    this.ws.binaryType = "arraybuffer";
    this.ws.addEventListener("open", () => {
      for (const frame of this.outbox.splice(0)) {
        // ok: send-without-open-check, broadcast-without-backpressure
        this.ws.send(frame);
      }
    });
    this.ws.addEventListener("close", (e) => this.onClosed?.(e.code));
  }

  send(msg: object): void {
    const frame = JSON.stringify(msg);
    if (this.ws.readyState !== WebSocket.OPEN) {
      if (this.outbox.length >= MAX_OUTBOX) this.outbox.shift();
      this.outbox.push(frame);
      return;
    }
    // ok: send-without-open-check
    this.ws.send(frame);
  }
}

let lastSent = 0;

export function bindAim(canvas: HTMLCanvasElement, conn: GameConnection): () => void {
  const onPointerMove = (e: PointerEvent) => {
    const now = performance.now();
    if (now - lastSent < SEND_EVERY_MS) return;
    lastSent = now;
    const rect = canvas.getBoundingClientRect();
    const angle = Math.atan2(e.clientY - rect.top - rect.height / 2, e.clientX - rect.left - rect.width / 2);
    // ok: mousemove-send-unthrottled, send-without-open-check
    conn.send({ type: "aim", angle: Math.round(angle * 1000) / 1000, t: Math.round(now) });
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button === 0) conn.send({ type: "fire", t: Math.round(performance.now()) });
  };

  canvas.addEventListener("pointermove", onPointerMove);
  canvas.addEventListener("pointerdown", onPointerDown);
  return () => {
    canvas.removeEventListener("pointermove", onPointerMove);
    canvas.removeEventListener("pointerdown", onPointerDown);
  };
}
