import { useEffect, useRef, useState } from 'react';
import { socket } from '../lib/socket';

const TYPING_TTL_MS = 4000;

export function useTypingIndicator(channelId: string, myUserId: string) {
  const [typingUsers, setTypingUsers] = useState<string[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const lastSent = useRef(0);

  useEffect(() => {
    const onTyping = ({ userId, channel }: { userId: string; channel: string }) => {
      if (channel !== channelId || userId === myUserId) return;
      setTypingUsers((u) => (u.includes(userId) ? u : [...u, userId]));
      clearTimeout(timers.current.get(userId));
      timers.current.set(
        userId,
        setTimeout(() => setTypingUsers((u) => u.filter((x) => x !== userId)), TYPING_TTL_MS),
      );
    };
    // ruleid: listener-without-cleanup
    socket.on('typing', onTyping);
    return () => {
      socket.off('typing', () => setTypingUsers([]));
    };
  }, [channelId, myUserId]);

  useEffect(() => {
    const onStop = ({ userId }: { userId: string }) =>
      setTypingUsers((u) => u.filter((x) => x !== userId));
    // ok: listener-without-cleanup
    socket.on('typing:stop', onStop);
    return () => {
      socket.off('typing:stop', onStop);
    };
  }, []);

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((t) => clearTimeout(t));
  }, []);

  // Call from the textarea onChange: at most one "typing" every 2 s
  const notifyTyping = () => {
    const now = Date.now();
    if (now - lastSent.current < 2000) return;
    lastSent.current = now;
    socket.emit('typing', { channel: channelId });
  };

  return { typingUsers, notifyTyping };
}
