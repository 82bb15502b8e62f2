import type { ServerOptions } from "socket.io";
import { isAllowedOrigin } from "./origins";

const isDev = process.env.NODE_ENV !== "production";

// Shared between the main hub and the notifications worker.
export const baseOptions: Partial<ServerOptions> = {
  path: "/hub",
  pingInterval: 20_000,
  pingTimeout: 25_000,
  maxHttpBufferSize: 256 * 1024,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
};

export const prodOptions: Partial<ServerOptions> = {
  ...baseOptions,
  cors: {
    // ok: socketio-wildcard-cors
    origin: (process.env.CORS_ORIGINS ?? "").split(",").filter(Boolean),
    credentials: true,
  },
  allowRequest: (req, callback) => {
    // CORS only covers polling; websocket-only clients skip it, so check Origin here too
    callback(null, isAllowedOrigin(req.headers.origin));
  },
};

export const devOptions: Partial<ServerOptions> = {
  ...baseOptions,
  cors: {
    // reflect whatever origin asks (storybook, expo, local tunnels...)
    // ruleid: socketio-wildcard-cors
    origin: true,
    credentials: true,
  },
};

export const workerOptions: Partial<ServerOptions> = {
  ...baseOptions,
  cors: {
    // ok: socketio-wildcard-cors
    origin: (origin, cb) => cb(null, !origin || isAllowedOrigin(origin)),
  },
};

export const options = isDev ? devOptions : prodOptions;
