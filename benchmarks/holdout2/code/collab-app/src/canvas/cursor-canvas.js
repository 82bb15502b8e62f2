// Live cursor overlay for the design canvas (vanilla, loaded by the legacy editor).
import { showBanner } from "../ui/banner";

const wsUrl = new URL("/cursors", window.location.href);
wsUrl.protocol = wsUrl.protocol === "https:" ? "wss:" : "ws:";

// ok: websocket-without-close-handler
const socket = new WebSocket(wsUrl);
socket.addEventListener("close", (e) => {
  if (e.code !== 1000) showBanner("Cursor sync lost. Reload the page to reconnect.");
});

const canvas = document.getElementById("design-canvas");
const viewport = document.getElementById("viewport");

let pending = null;
let frameRequested = false;

function flush() {
  frameRequested = false;
  if (!pending || socket.readyState !== WebSocket.OPEN) return;
  // ok: send-without-open-check, mousemove-send-unthrottled
  socket.send(JSON.stringify({ t: "cursor", x: pending.x, y: pending.y }));
  pending = null;
}

// Coalesce mouse moves into at most one frame per animation frame.
canvas.addEventListener("mousemove", (e) => {
  pending = { x: e.offsetX, y: e.offsetY };
  if (!frameRequested) {
    frameRequested = true;
    requestAnimationFrame(flush);
  }
});

canvas.addEventListener("mouseleave", () => {
  if (socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ t: "cursor", hidden: true }));
  }
});

// Viewport sync so followers see what we see.
viewport.addEventListener("scroll", () => {
  if (socket.readyState === WebSocket.OPEN) {
    // ruleid: mousemove-send-unthrottled
    socket.send(JSON.stringify({ t: "viewport", top: viewport.scrollTop, left: viewport.scrollLeft }));
  }
});

socket.addEventListener("message", (e) => {
  let msg;
  try {
    // ok: json-parse-without-guard
    msg = JSON.parse(e.data);
  } catch {
    return;
  }
  if (msg.t === "cursor") drawPeer(msg);
});

function drawPeer({ id, x, y, hidden }) {
  const el = document.querySelector(`[data-peer="${id}"]`);
  if (!el) return;
  el.hidden = Boolean(hidden);
  el.style.transform = `translate(${x}px, ${y}px)`;
}
