import { useEffect, useRef, useState } from 'react';
import { AppState, AppStateStatus } from 'react-native';
import { getRideSocket } from './socket';

type LatLng = { lat: number; lng: number };
type DriverUpdate = { tripId: string; position: LatLng; heading: number; seq: number };

export function useTripTracking(tripId: string) {
  const [driver, setDriver] = useState<DriverUpdate | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const lastSeq = useRef(0);

  useEffect(() => {
    const socket = getRideSocket();
    const onLocation = (u: DriverUpdate) => {
      if (u.tripId !== tripId || u.seq <= lastSeq.current) return;
      lastSeq.current = u.seq;
      setDriver(u);
    };
    socket.emit('trip:watch', { tripId });
    // ok: listener-without-cleanup
    socket.on('driver:location', onLocation);
    return () => {
      socket.emit('trip:unwatch', { tripId });
      socket.off('driver:location', onLocation);
    };
  }, [tripId]);

  useEffect(() => {
    const socket = getRideSocket();
    // ruleid: listener-without-cleanup
    socket.on('trip:cancelled', (payload: { tripId: string }) => {
      if (payload.tripId === tripId) setCancelled(true);
    });
  }, [tripId]);

  useEffect(() => {
    // iOS suspends the socket in the background: resync on foreground
    const onChange = (next: AppStateStatus) => {
      if (next === 'active') {
        const socket = getRideSocket();
        if (!socket.connected) socket.connect();
        socket.emit('trip:resync', { tripId, sinceSeq: lastSeq.current });
      }
    };
    // ok: listener-without-cleanup
    const sub = AppState.addEventListener('change', onChange);
    return () => sub.remove();
  }, [tripId]);

  return { driver, cancelled };
}
