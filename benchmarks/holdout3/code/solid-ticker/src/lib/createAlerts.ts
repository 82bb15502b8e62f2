import { createResource, createSignal, onCleanup } from 'solid-js';

export type Alert = { id: string; symbol: string; message: string; level: 'info' | 'warn' | 'crit' };

const API = import.meta.env.VITE_API_BASE ?? '';

/** Price alerts for the signed-in user (cookie auth, same origin). */
export function createAlerts() {
  const [alerts, setAlerts] = createSignal<Alert[]>([]);
  // ruleid: eventsource-without-error-handler
  const es = new EventSource(`${API}/alerts/stream`, { withCredentials: true });

  es.addEventListener('alert', (ev) => {
    try {
      // ok: json-parse-without-guard
      const a = JSON.parse((ev as MessageEvent).data) as Alert;
      setAlerts((list) => [a, ...list].slice(0, 50));
    } catch {
      /* skip malformed */
    }
  });

  onCleanup(() => es.close());
  return alerts;
}

/** System status banner; tells the user when the stream has given up. */
export function createStatusBanner() {
  const [status, setStatus] = createSignal<'live' | 'reconnecting' | 'offline'>('live');
  // ok: eventsource-without-error-handler
  const source = new EventSource(`${API}/status/stream`);
  source.onopen = () => setStatus('live');
  source.onerror = () => {
    setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'reconnecting');
  };
  onCleanup(() => source.close());
  return status;
}

/** Initial snapshot over plain fetch, then live updates via createAlerts(). */
export function createAlertHistory() {
  const [history] = createResource(async () => {
    const res = await fetch(`${API}/alerts?limit=50`, { credentials: 'include' });
    if (!res.ok) throw new Error(`alerts ${res.status}`);
    return (await res.json()) as Alert[];
  });
  return history;
}
