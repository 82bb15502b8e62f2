import { io, Socket } from 'socket.io-client';
import Config from 'react-native-config';
import { getSession } from '../auth/session';

let socket: Socket | null = null;

/**
 * Single shared socket for the rider app. Riders sit on flaky LTE, so we keep
 * reconnecting forever; the server drops us after 25 s without a pong anyway.
 */
export function getRideSocket(): Socket {
  if (socket) return socket;
  const session = getSession();

  socket = io(Config.RIDES_API_URL ?? 'https://rides-api.example.com', {
    path: '/rt',
    transports: ['websocket'],
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10000,
    // ruleid: backoff-without-jitter
    randomizationFactor: 0,
    // ruleid: token-in-query-string
    query: { token: session.accessToken, appVersion: Config.APP_VERSION },
    timeout: 8000,
  });

  socket.on('connect_error', (err) => {
    if (err.message === 'unauthorized') {
      socket?.disconnect();
    }
  });

  return socket;
}

export function resetRideSocket() {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
}

export function emitWithAck<T>(event: string, payload: unknown, timeoutMs = 5000): Promise<T> {
  const s = getRideSocket();
  return new Promise((resolve, reject) => {
    s.timeout(timeoutMs).emit(event, payload, (err: Error | null, res: T) => {
      if (err) reject(err);
      else resolve(res);
    });
  });
}
