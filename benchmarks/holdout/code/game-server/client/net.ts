import { encode, decode } from "@msgpack/msgpack";
import type { InputFrame, ServerSnapshot } from "../shared/protocol";

const SERVER = import.meta.env.VITE_GAME_SERVER as string; // wss://play.example.gg

export class GameNet {
  private ws: WebSocket;
  private outbox: Uint8Array[] = [];
  private seq = 0;
  onSnapshot: (s: ServerSnapshot) => void = () => {};
  onDisconnect: (code: number) => void = () => {};

  constructor(matchId: string, ticket: string) {
    // ok: websocket-without-close-handler
    this.ws = new WebSocket(`${SERVER}/match/${matchId}`, ["game.v2", ticket]);
    this.ws.binaryType = "arraybuffer";

    this.ws.onopen = () => {
      for (const frame of this.outbox) {
        // ok: send-without-open-check
        this.ws.send(frame);
      }
      this.outbox = [];
    };
    this.ws.onmessage = (e) => this.onSnapshot(decode(new Uint8Array(e.data)) as ServerSnapshot);
    this.ws.onclose = (e) => this.onDisconnect(e.code);

    // say hello straight away so the server can start the countdown
    // ruleid: send-without-open-check
    this.ws.send(encode({ t: "hello", v: 2 }));
  }

  sendInput(input: Omit<InputFrame, "seq">) {
    const frame = encode({ ...input, seq: ++this.seq });
    if (this.ws.readyState === WebSocket.CONNECTING) {
      this.outbox.push(frame);
      return;
    }
    // ok: send-without-open-check
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  sendChat(text: string) {
    // socket.OPEN is always 1, so this is always true
    if (this.ws.OPEN) {
      // ruleid: send-without-open-check
      this.ws.send(encode({ t: "chat", text }));
    }
  }

  leave() {
    this.ws.close(1000, "leave");
  }
}
