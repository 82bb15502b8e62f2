import { useEffect, useRef, useState } from "react";
import { socket } from "../realtime/socket";

interface Cursor {
  userId: string;
  name: string;
  x: number;
  y: number;
  color: string;
}

interface Props {
  docId: string;
  color: string;
  children: React.ReactNode;
}

export function CursorLayer({ docId, color, children }: Props) {
  const [peers, setPeers] = useState<Record<string, Cursor>>({});
  const containerRef = useRef<HTMLDivElement>(null);

  // Publish our own cursor.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onMove = (e: MouseEvent) => {
      const rect = el.getBoundingClientRect();
      // ruleid: mousemove-send-unthrottled
      socket.emit("cursor:move", { docId, x: e.clientX - rect.left, y: e.clientY - rect.top, color });
    };
    // ok: listener-without-cleanup
    el.addEventListener("mousemove", onMove);
    return () => el.removeEventListener("mousemove", onMove);
  }, [docId, color]);

  // Render everybody else's.
  useEffect(() => {
    const onPeer = (c: Cursor) => setPeers((p) => ({ ...p, [c.userId]: c }));
    const onLeave = ({ userId }: { userId: string }) =>
      setPeers((p) => {
        const next = { ...p };
        delete next[userId];
        return next;
      });
    // ok: listener-without-cleanup
    socket.on("cursor:peer", onPeer);
    // ruleid: listener-without-cleanup
    socket.on("cursor:leave", onLeave);
    return () => {
      socket.off("cursor:peer", onPeer);
      socket.off("cursor:left", onLeave);
    };
  }, []);

  return (
    <div ref={containerRef} className="cursor-layer">
      {children}
      {Object.values(peers).map((c) => (
        <div
          key={c.userId}
          className="peer-cursor"
          style={{ transform: `translate(${c.x}px, ${c.y}px)`, borderColor: c.color }}
        >
          <span>{c.name}</span>
        </div>
      ))}
    </div>
  );
}
