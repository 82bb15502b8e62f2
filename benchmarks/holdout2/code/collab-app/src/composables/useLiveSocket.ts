import { onBeforeUnmount, onMounted, ref, type Ref } from "vue";

const RETRY_MS = 3000;
const PING_EVERY_MS = 20_000;

export interface LiveSocket {
  connected: Ref<boolean>;
  lastMessage: Ref<unknown>;
  send: (data: unknown) => boolean;
}

export function useLiveSocket(path: string): LiveSocket {
  const connected = ref(false);
  const lastMessage = ref<unknown>(null);
  let ws: WebSocket | null = null;
  let pingTimer: number | undefined;
  let disposed = false;

  function open() {
    // ok: insecure-websocket-url
    const base = (location.protocol === "https:" ? "wss://" : "ws://") + location.host;
    // ok: websocket-without-close-handler
    ws = new WebSocket(base + path);

    ws.onopen = () => {
      connected.value = true;
      // ok: heartbeat-interval-never-cleared
      pingTimer = window.setInterval(() => {
        if (ws?.readyState === WebSocket.OPEN) ws.send("ping");
      }, PING_EVERY_MS);
    };

    ws.onmessage = (e) => {
      if (e.data === "pong") return;
      try {
        // ok: json-parse-without-guard
        lastMessage.value = JSON.parse(e.data);
      } catch {
        lastMessage.value = e.data;
      }
    };

    ws.onclose = () => {
      connected.value = false;
      window.clearInterval(pingTimer);
      if (!disposed) {
        // ruleid: reconnect-without-backoff
        window.setTimeout(open, RETRY_MS);
      }
    };
  }

  function send(data: unknown): boolean {
    if (ws && ws.readyState === WebSocket.OPEN) {
      // ok: send-without-open-check
      ws.send(JSON.stringify(data));
      return true;
    }
    return false;
  }

  onMounted(open);
  onBeforeUnmount(() => {
    disposed = true;
    window.clearInterval(pingTimer);
    ws?.close(1000);
  });

  return { connected, lastMessage, send };
}
