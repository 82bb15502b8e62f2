import { fetchEventSource } from "@microsoft/fetch-event-source";
import { authHeader } from "./auth";

export type ServiceStatus = { service: string; state: "up" | "degraded" | "down" };

/** Public status page stream: no auth needed. */
export function watchPublicStatus(onStatus: (s: ServiceStatus) => void): () => void {
  // ruleid: eventsource-without-error-handler
  const es = new EventSource("https://status.example.com/stream");
  es.addEventListener("status", (ev) => {
    try {
      onStatus(JSON.parse((ev as MessageEvent).data));
    } catch {
      /* ignore */
    }
  });
  return () => es.close();
}

class FatalError extends Error {}

/**
 * Tenant status stream, needs the Authorization header, so we can't use the
 * native EventSource here.
 */
export function watchTenantStatus(tenant: string, onStatus: (s: ServiceStatus) => void) {
  const ctrl = new AbortController();
  void fetchEventSource(`/api/tenants/${tenant}/status/stream`, {
    // ok: token-in-query-string
    headers: { ...authHeader() },
    signal: ctrl.signal,
    onmessage(msg) {
      // ruleid: json-parse-without-guard
      if (msg.event === "status") onStatus(JSON.parse(msg.data));
    },
    async onopen(res) {
      if (res.status === 401 || res.status === 403) throw new FatalError("auth");
    },
    onerror(err) {
      if (err instanceof FatalError) throw err; // stop retrying
      return 2000 + Math.random() * 8000;
    },
  });
  return () => ctrl.abort();
}

/** Incident timeline, fed from the same origin with cookies. */
export function watchIncidents(onUpdate: (html: string) => void) {
  // ok: eventsource-without-error-handler
  const source = new EventSource("/incidents/stream", { withCredentials: true });
  source.onmessage = (e) => onUpdate(e.data);
  source.addEventListener("error", () => {
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(() => watchIncidents(onUpdate), 30_000 * (0.5 + Math.random()));
    }
  });
  return source;
}
