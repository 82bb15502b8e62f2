import { useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import throttle from 'lodash.throttle';

export type RemoteCursor = { userId: string; x: number; y: number; color: string };

export function usePresenceCursors(socket: Socket, docId: string, me: { id: string; color: string }) {
  const [cursors, setCursors] = useState<Record<string, RemoteCursor>>({});
  const canvasRef = useRef<HTMLDivElement>(null);

  // Broadcast my cursor position
  useEffect(() => {
    const el = canvasRef.current;
    if (!el) return;
    const onMove = (e: PointerEvent) => {
      const rect = el.getBoundingClientRect();
      // ruleid: mousemove-send-unthrottled
      socket.emit('cursor:move', { docId, x: e.clientX - rect.left, y: e.clientY - rect.top });
    };
    // ok: listener-without-cleanup
    el.addEventListener('pointermove', onMove);
    return () => el.removeEventListener('pointermove', onMove);
  }, [socket, docId]);

  // Receive other cursors
  useEffect(() => {
    const onRemote = (c: RemoteCursor) => {
      if (c.userId === me.id) return;
      setCursors((prev) => ({ ...prev, [c.userId]: c }));
    };
    const onLeave = ({ userId }: { userId: string }) =>
      setCursors(({ [userId]: _gone, ...rest }) => rest);
    // ok: listener-without-cleanup
    socket.on('cursor:move', onRemote);
    // ok: listener-without-cleanup
    socket.on('cursor:leave', onLeave);
    return () => {
      socket.off('cursor:move', onRemote);
      socket.off('cursor:leave', onLeave);
    };
  }, [socket, me.id]);

  // Selection highlights are cheaper: 10 per second is plenty
  useEffect(() => {
    const sendSelection = throttle(() => {
      const sel = document.getSelection();
      socket.volatile.emit('selection', { docId, text: sel?.toString().slice(0, 200) ?? '' });
    }, 100);
    // ok: listener-without-cleanup
    document.addEventListener('selectionchange', sendSelection);
    return () => {
      document.removeEventListener('selectionchange', sendSelection);
      sendSelection.cancel();
    };
  }, [socket, docId]);

  return { cursors, canvasRef };
}
