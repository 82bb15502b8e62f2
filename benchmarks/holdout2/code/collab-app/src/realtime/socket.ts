import { io } from "socket.io-client";
import { sessionStore } from "../state/session";
import { connectionStore } from "../state/connection";

const SOCKET_URL = import.meta.env.PROD ? "https://rt.collab.app" : "http://localhost:4000";

export const socket = io(SOCKET_URL, {
  autoConnect: false,
  withCredentials: true,
  transports: ["websocket", "polling"],
  // ok: token-in-query-string
  auth: (cb) => cb({ token: sessionStore.getState().accessToken }),
  reconnectionDelay: 500,
  reconnectionDelayMax: 20_000,
  // ok: backoff-without-jitter
  randomizationFactor: 0.5,
});

// Module-level listeners: registered exactly once for the app lifetime.
// ok: listener-without-cleanup
socket.on("connect", () => connectionStore.setState({ status: "online" }));
socket.on("disconnect", (reason) => {
  connectionStore.setState({ status: "offline", reason });
  if (reason === "io server disconnect") {
    // the server kicked us (e.g. token revoked); refresh auth before reconnecting
    sessionStore
      .getState()
      .refresh()
      .then(() => socket.connect())
      .catch(() => connectionStore.setState({ status: "signed-out" }));
  }
});
socket.io.on("reconnect_attempt", (n) => connectionStore.setState({ status: "reconnecting", attempt: n }));

export function startRealtime(): void {
  if (!socket.connected) socket.connect();
}

export function stopRealtime(): void {
  socket.disconnect();
}
