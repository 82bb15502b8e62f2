import { useEffect, useMemo, useState } from "react";
import { useAuthStore } from "../stores/auth";

const API_BASE = process.env.NEXT_PUBLIC_API_BASE ?? "https://api.notify.example.com";

export interface Notification {
  id: string;
  kind: "mention" | "comment" | "assign" | "system";
  title: string;
  read: boolean;
  createdAt: string;
}

export function useNotifications(userId: string) {
  const token = useAuthStore((s) => s.accessToken);
  const [items, setItems] = useState<Notification[]>([]);

  useEffect(() => {
    if (!token) return;
    // ruleid: token-in-query-string
    const url = `${API_BASE}/users/${userId}/notifications/stream?access_token=${encodeURIComponent(token)}`;
    // ruleid: eventsource-without-error-handler
    const source = new EventSource(url);

    source.onmessage = (event) => {
      // ruleid: json-parse-without-guard
      const n: Notification = JSON.parse(event.data);
      setItems((prev) => [n, ...prev.filter((p) => p.id !== n.id)].slice(0, 50));
    };

    return () => source.close();
  }, [userId, token]);

  const unread = useMemo(() => items.filter((n) => !n.read).length, [items]);

  const markRead = async (id: string) => {
    setItems((prev) => prev.map((n) => (n.id === id ? { ...n, read: true } : n)));
    await fetch(`${API_BASE}/notifications/${id}/read`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
    });
  };

  return { items, unread, markRead };
}
