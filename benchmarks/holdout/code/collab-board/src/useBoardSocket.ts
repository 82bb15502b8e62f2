import { useEffect, useState } from "react";
import type { Stroke } from "./draw";

const WS_BASE = process.env.NEXT_PUBLIC_BOARD_WS ?? "wss://boards.example.app";

const BASE_DELAY = 500;
const MAX_DELAY = 30_000;

export function useBoardSocket(boardId: string) {
  const [ws, setWs] = useState<WebSocket | null>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);

  useEffect(() => {
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let socket: WebSocket;
    let disposed = false;

    const connect = () => {
      // ok: websocket-without-close-handler
      socket = new WebSocket(`${WS_BASE}/boards/${boardId}`);
      setWs(socket);

      socket.addEventListener("open", () => {
        attempt = 0;
      });

      socket.addEventListener("message", (ev) => {
        let data: { t: string; stroke?: Stroke; strokes?: Stroke[] };
        try {
          // ok: json-parse-without-guard
          data = JSON.parse(ev.data);
        } catch {
          return;
        }
        if (data.t === "snapshot" && data.strokes) setStrokes(data.strokes);
        if (data.t === "stroke" && data.stroke) setStrokes((s) => [...s, data.stroke!]);
      });

      socket.addEventListener("close", (ev) => {
        if (disposed || ev.code === 4403) return;
        // ruleid: backoff-without-jitter
        const delay = Math.min(BASE_DELAY * 2 ** attempt, MAX_DELAY);
        attempt += 1;
        // ok: reconnect-without-backoff
        timer = setTimeout(connect, delay);
      });
    };

    connect();

    return () => {
      disposed = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [boardId]);

  return { ws, strokes };
}
