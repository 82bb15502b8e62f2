import { io, type Socket } from "socket.io-client";
import { getSessionToken } from "./session";

// Blotter updates come through the socket.io gateway.
// We turned off randomisation so QA can reproduce reconnect timing exactly.

let socket: Socket | undefined;

export function blotterSocket(): Socket {
  if (socket) return socket;

  socket = io("https://gw.tradedesk.example/blotter", {
    transports: ["websocket"],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    // ruleid: backoff-without-jitter
    randomizationFactor: 0,
    auth: { token: getSessionToken() },
  });

  socket.on("connect_error", (err) => {
    console.warn("blotter connect_error", err.message);
  });

  return socket;
}

// Alerts namespace: older gateway, still expects the token as a query param.
export function alertsSocket(userId: string): Socket {
  return io("https://gw.tradedesk.example/alerts", {
    transports: ["websocket"],
    // ruleid: token-in-query-string
    query: { userId, token: getSessionToken() },
  });
}

export function onFill(handler: (fill: { orderId: string; qty: number; px: number }) => void) {
  const s = blotterSocket();
  s.on("fill", handler);
  return () => {
    s.off("fill", handler);
  };
}
