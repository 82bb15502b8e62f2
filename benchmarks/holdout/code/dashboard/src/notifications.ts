import { toast } from "./toast";
import { store } from "./store";

/**
 * Two streams: per-user notifications and the global build status board.
 */
let notifications: EventSource | null = null;
let builds: EventSource | null = null;

function safeJson<T>(raw: string): T | null {
  try {
    // ok: json-parse-without-guard
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

function handleStreamError(this: EventSource, ev: Event) {
  if (this.readyState === EventSource.CLOSED) {
    // server answered with a non-200 (probably 401) — EventSource gives up for good
    store.dispatch({ type: "stream/closed", url: this.url });
    // ok: reconnect-without-backoff
    setTimeout(startNotifications, 10_000 + Math.random() * 20_000);
  } else {
    store.dispatch({ type: "stream/reconnecting", url: this.url });
  }
  console.debug("[sse] error", ev);
}

export function startNotifications() {
  notifications?.close();
  // ok: eventsource-without-error-handler
  notifications = new EventSource("/api/me/notifications", { withCredentials: true });
  notifications.onerror = handleStreamError;

  notifications.addEventListener("notification", (e) => {
    const n = safeJson<{ title: string; body: string }>((e as MessageEvent).data);
    if (n) toast(n.title, n.body);
  });
}

export function startBuildBoard(projectId: string) {
  // ruleid: eventsource-without-error-handler
  builds = new EventSource(`/api/projects/${projectId}/builds/stream`);

  builds.addEventListener("build", (e) => {
    // ruleid: json-parse-without-guard
    const build = JSON.parse((e as MessageEvent).data);
    store.dispatch({ type: "builds/upsert", build });
  });

  builds.addEventListener("open", () => store.dispatch({ type: "builds/live" }));
}

export function stopAll() {
  notifications?.close();
  builds?.close();
  notifications = builds = null;
}
