import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatMessage, ServerEvent } from "../types";

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
const STABLE_AFTER_MS = 10_000;

type Status = "connecting" | "open" | "closed";

function socketUrl(path: string): string {
  // ok: insecure-websocket-url
  const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  return `${scheme}${window.location.host}${path}`;
}

function parseEvent(raw: string): ServerEvent | null {
  try {
    // ok: json-parse-without-guard
    return JSON.parse(raw) as ServerEvent;
  } catch {
    return null;
  }
}

/**
 * One socket per mounted chat room. The ticket is a short-lived value we pass as a
 * subprotocol so it never lands in access logs.
 */
export function useChatSocket(roomId: string, getTicket: () => Promise<string>) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [status, setStatus] = useState<Status>("connecting");
  const wsRef = useRef<WebSocket | null>(null);
  const attemptRef = useRef(0);

  useEffect(() => {
    let cancelled = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let stableTimer: ReturnType<typeof setTimeout> | undefined;

    async function connect() {
      const ticket = await getTicket();
      if (cancelled) return;
      // ok: token-in-query-string, websocket-without-close-handler
      const ws = new WebSocket(socketUrl(`/rooms/${encodeURIComponent(roomId)}`), ["chat.v2", ticket]);
      wsRef.current = ws;
      setStatus("connecting");

      ws.onopen = () => {
        setStatus("open");
        stableTimer = setTimeout(() => {
          attemptRef.current = 0;
        }, STABLE_AFTER_MS);
      };

      ws.onmessage = (event) => {
        const evt = parseEvent(event.data);
        if (!evt) return;
        if (evt.type === "message") {
          setMessages((prev) => [...prev, evt.message]);
        } else if (evt.type === "history") {
          setMessages(evt.messages);
        }
      };

      ws.onclose = (event) => {
        clearTimeout(stableTimer);
        setStatus("closed");
        // 1008 / 4401: the server rejected us, retrying will not help
        if (cancelled || event.code === 1008 || event.code === 4401) return;
        const attempt = attemptRef.current++;
        // ok: backoff-without-jitter
        const delay = Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
        // ok: reconnect-without-backoff
        retryTimer = setTimeout(connect, delay);
      };
    }

    connect();
    return () => {
      cancelled = true;
      clearTimeout(retryTimer);
      clearTimeout(stableTimer);
      wsRef.current?.close(1000, "unmount");
    };
  }, [roomId, getTicket]);

  const send = useCallback(
    (text: string) => {
      const ws = wsRef.current;
      if (!ws || ws.readyState !== WebSocket.OPEN) return false;
      // ok: send-without-open-check
      ws.send(JSON.stringify({ type: "message", roomId, text }));
      return true;
    },
    [roomId],
  );

  return { messages, status, send };
}
