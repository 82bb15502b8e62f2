import type { Action } from 'svelte/action';

interface CursorParams {
  ws: WebSocket;
  docId: string;
  /** minimum milliseconds between two cursor frames */
  intervalMs?: number;
}

/**
 * use:shareCursor — broadcasts the local pointer over the doc socket.
 * Used on the canvas page.
 */
export const shareCursor: Action<HTMLElement, CursorParams> = (node, params) => {
  let { ws, docId } = params;

  function onMove(e: PointerEvent) {
    const r = node.getBoundingClientRect();
    const frame = JSON.stringify({ t: 'cursor', docId, x: (e.clientX - r.left) / r.width, y: (e.clientY - r.top) / r.height });
    if (ws.readyState === WebSocket.OPEN) {
      // ruleid: mousemove-send-unthrottled
      ws.send(frame);
    }
  }

  node.addEventListener('pointermove', onMove);
  return {
    update(next) {
      ws = next.ws;
      docId = next.docId;
    },
    destroy() {
      node.removeEventListener('pointermove', onMove);
    },
  };
};

/**
 * use:shareCursorThrottled — same, but at most one frame per intervalMs.
 * Used on the outline view, which has hundreds of viewers.
 */
export const shareCursorThrottled: Action<HTMLElement, CursorParams> = (node, params) => {
  let last = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const interval = params.intervalMs ?? 80;

  function push(e: PointerEvent) {
    last = performance.now();
    if (params.ws.readyState !== WebSocket.OPEN) return;
    // ok: mousemove-send-unthrottled
    params.ws.send(JSON.stringify({ t: 'cursor', docId: params.docId, x: e.clientX, y: e.clientY }));
  }

  function onMove(e: PointerEvent) {
    clearTimeout(trailing);
    const wait = interval - (performance.now() - last);
    if (wait <= 0) push(e);
    else trailing = setTimeout(() => push(e), wait);
  }

  node.addEventListener('pointermove', onMove);
  return {
    destroy() {
      clearTimeout(trailing);
      node.removeEventListener('pointermove', onMove);
    },
  };
};
