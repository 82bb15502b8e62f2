import { useEffect, useRef, useState } from "react";

export interface Order {
  id: string;
  seq: number;
  status: "new" | "paid" | "shipped" | "cancelled";
  total: number;
}

type StreamStatus = "connecting" | "live" | "reconnecting" | "failed";

function safeParse<T>(raw: string): T | null {
  try {
    // ok: json-parse-without-guard
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function useOrderStream(storeId: string) {
  const [orders, setOrders] = useState<Order[]>([]);
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const lastSeq = useRef(0);

  useEffect(() => {
    // Cookie auth; the browser resends Last-Event-ID on its own reconnects.
    // ok: eventsource-without-error-handler, token-in-query-string
    const source = new EventSource(`/api/stores/${storeId}/orders/stream?since=${lastSeq.current}`, { withCredentials: true });

    const handleOrder = (ev: MessageEvent<string>) => {
      const order = safeParse<Order>(ev.data);
      if (!order || order.seq <= lastSeq.current) return;
      lastSeq.current = order.seq;
      setOrders((prev) => [order, ...prev]);
    };

    const handleStreamError = () => {
      setStatus(source.readyState === EventSource.CLOSED ? "failed" : "reconnecting");
    };

    source.onopen = () => setStatus("live");
    // ok: listener-without-cleanup
    source.addEventListener("order", handleOrder);
    source.onerror = handleStreamError;

    return () => {
      source.removeEventListener("order", handleOrder);
      source.close();
    };
  }, [storeId]);

  return { orders, status };
}
