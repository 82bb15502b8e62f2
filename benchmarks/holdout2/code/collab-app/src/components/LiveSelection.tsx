import { useEffect, useRef } from "react";

type Selection = { userId: string; x: number; y: number; w: number; h: number };

interface Props {
  docId: string;
  userId: string;
  wsUrl: string;
  onRemoteSelection: (s: Selection) => void;
}

export function LiveSelection({ docId, userId, wsUrl, onRemoteSelection }: Props) {
  const wsRef = useRef<WebSocket | null>(null);
  const origin = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    // ruleid: websocket-without-close-handler
    const ws = new WebSocket(`${wsUrl}/docs/${docId}/selection`);
    wsRef.current = ws;
    ws.onmessage = (e) => {
      try {
        // ok: json-parse-without-guard
        onRemoteSelection(JSON.parse(e.data));
      } catch {
        /* ignore */
      }
    };
    return () => ws.close();
  }, [docId, wsUrl, onRemoteSelection]);

  const onPointerDown = (e: React.PointerEvent) => {
    origin.current = { x: e.clientX, y: e.clientY };
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const ws = wsRef.current;
    if (!origin.current || !ws || ws.readyState !== WebSocket.OPEN) return;
    const sel = { userId, x: origin.current.x, y: origin.current.y, w: e.clientX - origin.current.x, h: e.clientY - origin.current.y };
    // ruleid: mousemove-send-unthrottled
    ws.send(JSON.stringify({ type: "selection", ...sel }));
  };

  const onPointerUp = () => {
    const ws = wsRef.current;
    origin.current = null;
    if (ws?.readyState === WebSocket.OPEN) {
      // ok: mousemove-send-unthrottled, send-without-open-check
      ws.send(JSON.stringify({ type: "selection:end", userId }));
    }
  };

  return <div className="selection-surface" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} />;
}
