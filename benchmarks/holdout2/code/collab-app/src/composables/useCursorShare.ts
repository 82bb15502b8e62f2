import { onBeforeUnmount, onMounted, type Ref } from "vue";
import type { Socket } from "socket.io-client";

const SCROLL_SYNC_MS = 100;

export function useCursorShare(socket: Socket, docId: Ref<string>, scroller: Ref<HTMLElement | null>) {
  let lastScrollSent = 0;

  function onPointerMove(e: PointerEvent) {
    // ruleid: mousemove-send-unthrottled
    socket.volatile.emit("cursor", { docId: docId.value, x: e.pageX, y: e.pageY });
  }

  function onScroll() {
    const now = Date.now();
    if (now - lastScrollSent < SCROLL_SYNC_MS) return;
    lastScrollSent = now;
    const el = scroller.value;
    if (!el) return;
    // ok: mousemove-send-unthrottled
    socket.emit("scroll", { docId: docId.value, top: el.scrollTop });
  }

  function onRemoteCursor(payload: { userId: string; x: number; y: number }) {
    document.dispatchEvent(new CustomEvent("remote-cursor", { detail: payload }));
  }

  onMounted(() => {
    window.addEventListener("pointermove", onPointerMove);
    scroller.value?.addEventListener("scroll", onScroll, { passive: true });
    socket.on("cursor", onRemoteCursor);
  });

  onBeforeUnmount(() => {
    window.removeEventListener("pointermove", onPointerMove);
    scroller.value?.removeEventListener("scroll", onScroll);
    socket.off("cursor", onRemoteCursor);
  });
}
