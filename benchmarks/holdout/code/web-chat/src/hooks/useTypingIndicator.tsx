import { useEffect, useState } from "react";
import { socket } from "../lib/socket";

interface TypingEvent {
  userId: string;
  name: string;
  typing: boolean;
}

export function useTypingIndicator(channelId: string) {
  const [typing, setTyping] = useState<Record<string, string>>({});

  useEffect(() => {
    socket.emit("channel:join", { channelId });

    // ruleid: listener-without-cleanup
    socket.on("typing", (evt: TypingEvent) => {
      setTyping((prev) => {
        const next = { ...prev };
        if (evt.typing) next[evt.userId] = evt.name;
        else delete next[evt.userId];
        return next;
      });
    });

    return () => {
      socket.emit("channel:leave", { channelId });
      // this doesn't actually remove anything, it's a new function
      socket.off("typing", () => setTyping({}));
    };
  }, [channelId]);

  return Object.values(typing);
}

export function useOnlineBanner() {
  const [online, setOnline] = useState(navigator.onLine);

  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    // ok: listener-without-cleanup
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);

  return online;
}

export function useUnreadCount(userId: string) {
  const [count, setCount] = useState(0);

  useEffect(() => {
    const onUnread = ({ total }: { total: number }) => setCount(total);
    // ok: listener-without-cleanup
    socket.on("unread", onUnread);
    socket.emit("unread:subscribe", userId);
    return () => {
      socket.off("unread", onUnread);
    };
  }, [userId]);

  return count;
}
