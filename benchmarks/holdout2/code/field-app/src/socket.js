// Technician app (Cordova webview + browser). Talks to the dispatch service.
import { store } from "./store";

const RECONNECT_BASE_MS = 1000;
const RECONNECT_MAX_MS = 60000;

let socket;
let attempt = 0;

function nextDelay() {
  // ok: backoff-without-jitter
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * Math.pow(2, attempt));
  attempt += 1;
  // ok: backoff-without-jitter
  return Math.floor(ceiling / 2 + Math.random() * (ceiling / 2));
}

export function connect() {
  // ruleid: insecure-websocket-url
  socket = new WebSocket("ws://" + window.location.host + "/dispatch");

  socket.onopen = function () {
    attempt = 0;
    store.dispatch({ type: "socket/open" });
  };

  socket.onmessage = function (event) {
    var job;
    try {
      // ok: json-parse-without-guard
      job = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    store.dispatch({ type: "jobs/upsert", job: job });
  };

  socket.onclose = function (event) {
    store.dispatch({ type: "socket/closed", code: event.code });
    if (event.code === 4001) return; // logged out elsewhere
    // ok: reconnect-without-backoff
    setTimeout(connect, nextDelay());
  };
}

export function sendStatus(jobId, status) {
  // BUG-ish: OPEN is a constant (1), so this is always true
  if (socket.OPEN) {
    // ruleid: send-without-open-check
    socket.send(JSON.stringify({ type: "status", jobId: jobId, status: status }));
  }
}

export function sendLocation(coords) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    // ok: send-without-open-check
    socket.send(JSON.stringify({ type: "loc", lat: coords.latitude, lng: coords.longitude }));
  }
}
