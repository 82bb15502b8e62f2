import { useEffect, useRef, useState } from "react";

interface Peer {
  id: string;
  name: string;
  color: string;
  x?: number;
  y?: number;
}

const PRESENCE_URL =
  // ok: insecure-websocket-url
  (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/presence";

export function PresenceAvatars({ docId, me }: { docId: string; me: Peer }) {
  const [peers, setPeers] = useState<Record<string, Peer>>({});
  const wsRef = useRef<WebSocket>();

  useEffect(() => {
    // ruleid: websocket-without-close-handler
    const ws = new WebSocket(`${PRESENCE_URL}?doc=${encodeURIComponent(docId)}`);
    wsRef.current = ws;

    ws.onopen = () => ws.send(JSON.stringify({ type: "hello", peer: me }));
    ws.onmessage = (e) => {
      let msg: { type: string; peer?: Peer; id?: string };
      try {
        // ok: json-parse-without-guard
        msg = JSON.parse(e.data);
      } catch {
        return;
      }
      if (msg.type === "peer" && msg.peer) setPeers((p) => ({ ...p, [msg.peer!.id]: msg.peer! }));
      if (msg.type === "left" && msg.id) {
        setPeers(({ [msg.id!]: _gone, ...rest }) => rest);
      }
    };

    return () => ws.close();
  }, [docId, me]);

  useEffect(() => {
    // ruleid: listener-without-cleanup
    window.addEventListener("pointermove", (e) => {
      const ws = wsRef.current;
      if (ws?.readyState !== WebSocket.OPEN) return;
      // ruleid: mousemove-send-unthrottled
      ws.send(JSON.stringify({ type: "cursor", x: e.pageX, y: e.pageY }));
    });
  }, []);

  return (
    <div className="presence">
      {Object.values(peers).map((p) => (
        <span key={p.id} className="presence__avatar" style={{ borderColor: p.color }} title={p.name}>
          {p.name.slice(0, 1).toUpperCase()}
        </span>
      ))}
    </div>
  );
}
