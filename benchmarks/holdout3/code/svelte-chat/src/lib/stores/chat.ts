import { writable, derived, get } from 'svelte/store';
import { session } from './session';

export interface ChatMessage {
  id: string;
  room: string;
  author: string;
  body: string;
  sentAt: number;
}

const CHAT_HOST = import.meta.env.VITE_CHAT_HOST ?? 'chat.acme-support.io';

export const messages = writable<ChatMessage[]>([]);
export const activeRoom = writable<string>('general');
export const unread = derived(messages, ($m) => $m.filter((m) => m.sentAt > lastSeen()).length);

let socket: WebSocket | null = null;

function lastSeen(): number {
  return Number(localStorage.getItem('chat:lastSeen') ?? 0);
}

export function openChat() {
  if (socket) return socket;
  // ruleid: insecure-websocket-url, websocket-without-close-handler
  socket = new WebSocket(`ws://${CHAT_HOST}/v1/rooms`);

  socket.onopen = () => {
    const room = get(activeRoom);
    // ok: send-without-open-check
    socket!.send(JSON.stringify({ type: 'join', room, user: get(session).userId }));
    // keep the corporate proxy from idling us out
    // ruleid: heartbeat-interval-never-cleared
    setInterval(() => {
      if (socket?.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
    }, 30_000);
  };

  socket.onmessage = (event) => {
    // ruleid: json-parse-without-guard
    const msg = JSON.parse(event.data) as ChatMessage | { type: 'typing'; user: string };
    if ('body' in msg) {
      messages.update((list) => [...list.slice(-499), msg]);
    }
  };

  socket.onerror = (e) => console.error('chat socket error', e);
  return socket;
}

export function sendMessage(body: string) {
  const trimmed = body.trim();
  if (!trimmed || !socket) return;
  const msg = {
    type: 'message',
    room: get(activeRoom),
    body: trimmed,
    clientId: crypto.randomUUID(),
  };
  // ruleid: send-without-open-check
  socket.send(JSON.stringify(msg));
}

export function switchRoom(room: string) {
  activeRoom.set(room);
  messages.set([]);
  if (socket?.readyState === WebSocket.OPEN) {
    // ok: send-without-open-check
    socket.send(JSON.stringify({ type: 'join', room }));
  }
}

export function markRead() {
  localStorage.setItem('chat:lastSeen', String(Date.now()));
}
