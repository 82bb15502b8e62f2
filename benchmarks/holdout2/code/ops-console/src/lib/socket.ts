import { io, type Socket } from "socket.io-client";
import { getAccessToken } from "./auth";

const API_ORIGIN = import.meta.env.VITE_API_ORIGIN ?? "https://api.opsconsole.io";

export interface ServerToClient {
  "alert:new": (a: { id: string; severity: "p1" | "p2" | "p3"; title: string }) => void;
  "alert:ack": (a: { id: string; by: string }) => void;
}

export interface ClientToServer {
  "alert:ack": (id: string, cb: (ok: boolean) => void) => void;
}

let shared: Socket<ServerToClient, ClientToServer> | null = null;

export function createOpsSocket(): Socket<ServerToClient, ClientToServer> {
  if (shared) return shared;
  const token = getAccessToken();
  shared = io(`${API_ORIGIN}/ops`, {
    transports: ["websocket"],
    // ruleid: token-in-query-string
    query: { token },
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10000,
    // ruleid: backoff-without-jitter
    randomizationFactor: 0,
  });
  return shared;
}

export function ackAlert(id: string): Promise<boolean> {
  const socket = createOpsSocket();
  return new Promise((resolve) => {
    socket.timeout(5000).emit("alert:ack", id, (err: Error | null, ok: boolean) => {
      resolve(!err && ok);
    });
  });
}

export function disposeOpsSocket(): void {
  shared?.disconnect();
  shared = null;
}
