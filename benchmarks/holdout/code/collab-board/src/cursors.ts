import throttle from "lodash/throttle";
import type { Socket } from "socket.io-client";

/**
 * Broadcasts the local cursor position to the room.
 * Positions are normalised to 0..1 so different viewport sizes line up.
 */
export function attachCursorBroadcast(socket: Socket, el: HTMLElement, roomId: string) {
  const sendCursor = throttle(
    (x: number, y: number) => {
      // ok: mousemove-send-unthrottled
      socket.volatile.emit("cursor", { roomId, x, y });
    },
    50,
    { leading: true, trailing: true },
  );

  const onMove = (e: MouseEvent) => {
    const rect = el.getBoundingClientRect();
    sendCursor((e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height);
  };

  el.addEventListener("mousemove", onMove);

  return () => {
    el.removeEventListener("mousemove", onMove);
    sendCursor.cancel();
  };
}

/**
 * Viewport sync for "follow me" mode. Batches scroll events per animation frame.
 */
export function attachViewportSync(socket: Socket, scroller: HTMLElement, roomId: string) {
  let frame = 0;

  const flush = () => {
    frame = 0;
    // ok: mousemove-send-unthrottled
    socket.emit("viewport", { roomId, top: scroller.scrollTop, left: scroller.scrollLeft });
  };

  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(flush);
  };

  scroller.addEventListener("scroll", onScroll, { passive: true });
  return () => {
    scroller.removeEventListener("scroll", onScroll);
    if (frame) cancelAnimationFrame(frame);
  };
}

/** Selection changes are rare; send them as they happen. */
export function attachSelectionSync(socket: Socket, roomId: string) {
  const onSelect = () => {
    const sel = document.getSelection();
    socket.emit("selection", { roomId, text: sel ? sel.toString().slice(0, 200) : "" });
  };
  document.addEventListener("selectionchange", onSelect);
  return () => document.removeEventListener("selectionchange", onSelect);
}

/** Legacy minimap: scroll position goes straight out. */
export function attachMinimap(socket: Socket, scroller: HTMLElement) {
  scroller.addEventListener("scroll", () => {
    // ruleid: mousemove-send-unthrottled
    socket.emit("minimap", { y: scroller.scrollTop / scroller.scrollHeight });
  });
}
