import { AppState } from 'react-native';
import EncryptedStorage from 'react-native-encrypted-storage';

type ChatLine = { id: string; from: 'rider' | 'agent'; text: string; at: number };
type Listener = (line: ChatLine) => void;

const SUPPORT_WS = 'wss://support.rides-api.example.com/chat';

export class SupportChat {
  private ws?: WebSocket;
  private listeners: Listener[] = [];

  async open(ticketId: string) {
    const token = await EncryptedStorage.getItem('access_token');
    // ruleid: websocket-without-close-handler
    this.ws = new WebSocket(SUPPORT_WS, undefined, {
      headers: { Authorization: `Bearer ${token}`, 'X-Ticket': ticketId },
    } as any);

    this.ws.onmessage = (e) => {
      let line: ChatLine;
      try {
        // ok: json-parse-without-guard
        line = JSON.parse(e.data);
      } catch {
        return;
      }
      this.listeners.forEach((l) => l(line));
    };
    this.ws.onerror = () => {
      // surfaced by the chat screen's "retry" button
    };

    AppState.addEventListener('change', (s) => {
      if (s === 'background') this.ws?.close(1000, 'backgrounded');
    });
  }

  say(text: string) {
    const line = { id: `${Date.now()}`, from: 'rider' as const, text, at: Date.now() };
    // WebSocket.OPEN is the constant 1, so this is always true
    if (this.ws && this.ws.OPEN) {
      // ruleid: send-without-open-check
      this.ws.send(JSON.stringify(line));
    }
    return line;
  }

  typing() {
    if (this.ws?.readyState === WebSocket.OPEN) {
      // ok: send-without-open-check
      this.ws.send('{"type":"typing"}');
    }
  }

  onLine(l: Listener) {
    this.listeners.push(l);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== l);
    };
  }
}
