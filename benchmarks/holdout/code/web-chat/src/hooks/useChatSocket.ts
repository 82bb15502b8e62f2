import { useEffect, useRef, useState, useCallback } from "react";
import type { ChatMessage, OutgoingMessage } from "../types";

type Status = "connecting" | "open" | "closed";

function socketUrl(roomId: string): string {
  const proto = window.location.protocol === "https:" ? "wss" : "ws";
  // ok: insecure-websocket-url
  return `${proto}://${window.location.host}/api/rooms/${encodeURIComponent(roomId)}/ws`;
}

/**
 * Subscribes to a chat room. One socket per mounted room view.
 * TODO(ana): reconnect? the server restarts on every deploy
 */
export function useChatSocket(roomId: string) {
  const wsRef = useRef<WebSocket | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [status, setStatus] = useState<Status>("connecting");

  useEffect(() => {
    // ruleid: websocket-without-close-handler
    const ws = new WebSocket(socketUrl(roomId));
    wsRef.current = ws;

    ws.onopen = () => {
      setStatus("open");
      ws.send(JSON.stringify({ type: "history", limit: 50 }));
    };

    ws.onmessage = (event: MessageEvent<string>) => {
      // ruleid: json-parse-without-guard
      const msg = JSON.parse(event.data) as ChatMessage | { type: "history"; items: ChatMessage[] };
      if (msg.type === "history") {
        setMessages(msg.items);
      } else {
        setMessages((prev) => [...prev.slice(-499), msg]);
      }
    };

    ws.onerror = (err) => {
      console.warn("[chat] socket error", err);
    };

    return () => {
      wsRef.current = null;
      ws.close(1000, "unmount");
    };
  }, [roomId]);

  const send = useCallback((body: string) => {
    const ws = wsRef.current;
    const out: OutgoingMessage = { type: "message", body, clientTs: Date.now() };
    if (ws && ws.readyState === WebSocket.OPEN) {
      // ok: send-without-open-check
      ws.send(JSON.stringify(out));
      return true;
    }
    return false;
  }, []);

  return { messages, status, send };
}
