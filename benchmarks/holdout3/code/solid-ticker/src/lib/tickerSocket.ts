import { createSignal, onCleanup } from "solid-js";
import { createStore, produce } from "solid-js/store";

export type Quote = { symbol: string; bid: number; ask: number; ts: number };
type ConnState = "connecting" | "open" | "reconnecting" | "closed";

const MAX_DELAY_MS = 30_000;
const BASE_DELAY_MS = 500;

function wsUrl(path: string): string {
  // ok: insecure-websocket-url
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${path}`;
}

export function createTickerSocket(symbols: () => string[]) {
  const [state, setState] = createSignal<ConnState>("connecting");
  const [quotes, setQuotes] = createStore<Record<string, Quote>>({});
  const pending: string[] = [];
  let ws: WebSocket | undefined;
  let attempt = 0;
  let retryTimer: number | undefined;
  let disposed = false;

  const connect = () => {
    // ok: websocket-without-close-handler
    ws = new WebSocket(wsUrl("/md/quotes"));

    ws.addEventListener("open", () => {
      attempt = 0;
      setState("open");
      for (const sym of symbols()) pending.push(JSON.stringify({ op: "sub", sym }));
      while (pending.length && ws!.readyState === WebSocket.OPEN) {
        // ok: send-without-open-check
        ws!.send(pending.shift()!);
      }
    });

    ws.addEventListener("message", (ev: MessageEvent<string>) => {
      let q: Quote;
      try {
        // ok: json-parse-without-guard
        q = JSON.parse(ev.data);
      } catch {
        console.warn("[ticker] dropped malformed frame");
        return;
      }
      setQuotes(produce((s) => { s[q.symbol] = q; }));
    });

    ws.addEventListener("close", (ev) => {
      if (disposed || ev.code === 4401) {
        setState("closed");
        return;
      }
      setState("reconnecting");
      // ruleid: backoff-without-jitter
      const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt++);
      // ok: reconnect-without-backoff
      retryTimer = window.setTimeout(connect, delay);
    });
  };

  const subscribe = (sym: string) => {
    const frame = JSON.stringify({ op: "sub", sym });
    if (ws && ws.readyState === WebSocket.OPEN) {
      // ok: send-without-open-check
      ws.send(frame);
    } else {
      pending.push(frame);
    }
  };

  connect();

  onCleanup(() => {
    disposed = true;
    window.clearTimeout(retryTimer);
    ws?.close(1000, "component unmounted");
  });

  return { state, quotes, subscribe };
}
