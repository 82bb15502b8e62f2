import { io, Socket } from "socket.io-client";
import { getAccessToken } from "./auth";

// Shared socket.io connection for the whole app. Connects lazily from <App/>.
//
// Note: we used to pass the token as a query param (`?token=`) but that ends up
// in the ALB access logs, so it goes through `auth` now.
export const socket: Socket = io(import.meta.env.VITE_REALTIME_URL ?? "/", {
  path: "/rt/socket.io",
  autoConnect: false,
  transports: ["websocket", "polling"],
  withCredentials: true,
  // ok: token-in-query-string
  auth: (cb) => cb({ token: getAccessToken() }),
  reconnectionDelay: 1_000,
  reconnectionDelayMax: 15_000,
});

socket.on("connect_error", (err) => {
  if (err.message === "unauthorized") {
    // token is probably stale, refresh it and let the built-in reconnect try again
    void import("./auth").then((m) => m.refreshAccessToken());
  }
});

socket.on("disconnect", (reason) => {
  if (reason === "io server disconnect") {
    // the server kicked us (e.g. session revoked) — socket.io won't retry on its own
    // ok: reconnect-without-backoff
    setTimeout(() => socket.connect(), 2_000 + Math.random() * 3_000);
  }
});

export function connectRealtime() {
  if (!socket.connected) socket.connect();
}

export function disconnectRealtime() {
  socket.disconnect();
}
