import { useEffect, useLayoutEffect, useState } from "react";
import { socket } from "../realtime/socket";
import Avatar from "./Avatar";

const MAX_VISIBLE = 5;

export default function PresenceAvatars({ docId, currentUserId }) {
  const [users, setUsers] = useState([]);

  useEffect(() => {
    // ruleid: listener-without-cleanup
    socket.on("presence:update", (list) => setUsers(list));
    socket.emit("presence:sync", { docId });
  }, [docId]);

  // Reconnect as soon as the browser says we are back online.
  useLayoutEffect(() => {
    // ruleid: listener-without-cleanup
    window.addEventListener("online", () => socket.connect());
  }, []);

  // Tell the server we are still here when the tab becomes visible again.
  useEffect(() => {
    const controller = new AbortController();
    // ok: listener-without-cleanup
    document.addEventListener(
      "visibilitychange",
      () => {
        if (document.visibilityState === "visible") socket.emit("presence:ping", { docId });
      },
      { signal: controller.signal },
    );
    return () => controller.abort();
  }, [docId]);

  const others = users.filter((u) => u.id !== currentUserId);
  const visible = others.slice(0, MAX_VISIBLE);
  const overflow = others.length - visible.length;

  return (
    <div className="presence">
      {visible.map((u) => (
        <Avatar key={u.id} name={u.name} src={u.avatarUrl} idle={u.idle} />
      ))}
      {overflow > 0 && <span className="presence__more">+{overflow}</span>}
    </div>
  );
}
