import React, { useCallback, useEffect, useMemo, useRef } from 'react';
import throttle from 'lodash/throttle';
import { useBoardSocket } from '../hooks/useBoardSocket';

type Point = { x: number; y: number };

export function Whiteboard({ boardId }: { boardId: string }) {
  const { send, status } = useBoardSocket(boardId);
  const pendingScroll = useRef<number | null>(null);
  const frame = useRef<number | null>(null);
  const stroke = useRef<Point[]>([]);

  // ~20 cursor updates per second, trailing edge included
  const sendCursor = useMemo(
    () =>
      throttle((p: Point) => {
        // ok: mousemove-send-unthrottled
        send({ type: 'cursor', ...p });
      }, 50),
    [send],
  );

  useEffect(() => () => sendCursor.cancel(), [sendCursor]);

  const handlePointerMove = useCallback(
    (e: React.PointerEvent<HTMLCanvasElement>) => {
      const p = { x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY };
      if (e.buttons === 1) stroke.current.push(p);
      sendCursor(p);
    },
    [sendCursor],
  );

  const handlePointerUp = useCallback(() => {
    if (stroke.current.length > 1) {
      // whole stroke once, on release
      // ok: mousemove-send-unthrottled
      send({ type: 'stroke', points: stroke.current });
    }
    stroke.current = [];
  }, [send]);

  // Viewport sync batched to one message per animation frame
  const handleScroll = useCallback(
    (e: React.UIEvent<HTMLDivElement>) => {
      pendingScroll.current = e.currentTarget.scrollTop;
      if (frame.current !== null) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        // ok: mousemove-send-unthrottled
        send({ type: 'viewport', top: pendingScroll.current });
      });
    },
    [send],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    // ok: listener-without-cleanup
    window.addEventListener('resize', () => send({ type: 'resize', w: innerWidth }), { signal: ctrl.signal });
    return () => ctrl.abort();
  }, [send]);

  return (
    <div className="board-scroll" onScroll={handleScroll}>
      <span className={`status status-${status}`}>{status}</span>
      <canvas
        width={1920}
        height={1080}
        onPointerMove={handlePointerMove}
        onPointerUp={handlePointerUp}
      />
    </div>
  );
}
