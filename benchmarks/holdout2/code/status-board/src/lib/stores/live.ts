import { readable } from "svelte/store";

export interface Deploy {
  id: string;
  service: string;
  state: "running" | "succeeded" | "failed";
}

export interface Incident {
  id: string;
  title: string;
  severity: number;
}

function parse<T>(raw: string): T | undefined {
  try {
    // ok: json-parse-without-guard
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export const deploys = readable<Deploy[]>([], (set) => {
  let list: Deploy[] = [];
  // ok: eventsource-without-error-handler
  const es = new EventSource("/api/deploys/stream");
  es.addEventListener("deploy", (e) => {
    const d = parse<Deploy>((e as MessageEvent).data);
    if (!d) return;
    list = [d, ...list.filter((x) => x.id !== d.id)].slice(0, 30);
    set(list);
  });
  es.addEventListener("error", () => {
    if (es.readyState === EventSource.CLOSED) set([]);
  });
  return () => es.close();
});

export const incidents = readable<Incident[]>([], (set) => {
  // ruleid: eventsource-without-error-handler
  const es = new EventSource("/api/incidents/stream");
  es.onmessage = (e) => {
    const list = parse<Incident[]>(e.data);
    if (list) set(list);
  };
  return () => es.close();
});

function onMetricsError(this: EventSource) {
  console.warn("metrics stream interrupted, readyState", this.readyState);
}

export const cpu = readable<number>(0, (set) => {
  // ok: eventsource-without-error-handler
  const es = new EventSource("/api/metrics/cpu");
  es.onmessage = (e) => set(Number(e.data));
  es.onerror = onMetricsError;
  return () => es.close();
});
