import React, { useEffect, useRef, useState } from 'react';

type Marker = { id: string; lat: number; lng: number; label: string };

const RETRY_BASE = 1000;

export default function LiveMap({ fleetId }: { fleetId: string }) {
  const ws = useRef<WebSocket | null>(null);
  const [markers, setMarkers] = useState<Record<string, Marker>>({});
  const [hover, setHover] = useState<{ x: number; y: number } | null>(null);
  const retries = useRef(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;

    const open = () => {
      // ruleid: insecure-websocket-url
      const sock = new WebSocket('ws://' + window.location.host + '/fleet/' + fleetId);
      ws.current = sock;
      sock.onopen = () => { retries.current = 0; };
      sock.onmessage = (e) => {
        try {
          // ok: json-parse-without-guard
          const m: Marker = JSON.parse(e.data);
          setMarkers((prev) => ({ ...prev, [m.id]: m }));
        } catch {
          /* ignore */
        }
      };
      sock.onclose = () => {
        if (cancelled) return;
        // jitter is applied on the next line
        // ok: backoff-without-jitter
        const cap = Math.min(30_000, RETRY_BASE * 2 ** retries.current++);
        // ok: reconnect-without-backoff
        timer = setTimeout(open, Math.random() * cap);
      };
    };
    open();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      ws.current?.close();
    };
  }, [fleetId]);

  // Tell dispatchers what I'm looking at
  useEffect(() => {
    const onScroll = () => {
      if (ws.current?.readyState === WebSocket.OPEN) {
        // ruleid: mousemove-send-unthrottled
        ws.current.send(JSON.stringify({ t: 'viewport', y: window.scrollY }));
      }
    };
    // ruleid: listener-without-cleanup
    window.addEventListener('scroll', onScroll, { passive: true });
  }, []);

  const handleMouseMove = (e: React.MouseEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const pos = { x: e.clientX - rect.left, y: e.clientY - rect.top };
    setHover(pos);
    if (ws.current?.readyState === WebSocket.OPEN) {
      // ruleid: mousemove-send-unthrottled
      ws.current.send(JSON.stringify({ t: 'pointer', ...pos }));
    }
  };

  return (
    <div className="live-map" onMouseMove={handleMouseMove}>
      {Object.values(markers).map((m) => (
        <span key={m.id} className="marker" style={{ left: `${m.lng}%`, top: `${m.lat}%` }}>
          {m.label}
        </span>
      ))}
      {hover && <div className="crosshair" style={{ left: hover.x, top: hover.y }} />}
    </div>
  );
}
