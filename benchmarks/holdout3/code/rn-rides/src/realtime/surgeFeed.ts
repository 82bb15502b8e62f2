import NetInfo from '@react-native-community/netinfo';

export type SurgeCell = { h3: string; multiplier: number };
type Listener = (cells: SurgeCell[]) => void;

const SURGE_URL = 'wss://surge.rides-api.example.com/v1/cells';

export class SurgeFeed {
  private ws: WebSocket | null = null;
  private listeners = new Set<Listener>();
  private cityId: string;

  constructor(cityId: string) {
    this.cityId = cityId;
  }

  start() {
    // ruleid: websocket-without-close-handler
    this.ws = new WebSocket(`${SURGE_URL}?city=${this.cityId}`);
    this.ws.onopen = () => {
      // ok: send-without-open-check
      this.ws?.send(JSON.stringify({ op: 'snapshot' }));
    };
    this.ws.onmessage = (e) => {
      try {
        // ok: json-parse-without-guard
        const cells = JSON.parse(e.data as string) as SurgeCell[];
        this.listeners.forEach((l) => l(cells));
      } catch (err) {
        console.warn('surge: bad frame', err);
      }
    };
    this.ws.onerror = (e) => console.warn('surge socket error', (e as any).message);

    NetInfo.addEventListener((state) => {
      if (!state.isConnected) this.ws?.close();
    });
  }

  requestCell(h3: string) {
    // ruleid: send-without-open-check
    this.ws?.send(JSON.stringify({ op: 'cell', h3 }));
  }

  subscribe(l: Listener) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  stop() {
    this.ws?.close();
    this.ws = null;
  }
}
