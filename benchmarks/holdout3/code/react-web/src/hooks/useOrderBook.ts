import { useEffect, useReducer, useState } from 'react';

type Level = [price: number, size: number];
type Book = { bids: Level[]; asks: Level[]; seq: number };
type Delta = { side: 'bid' | 'ask'; price: number; size: number; seq: number };

function reducer(book: Book, d: Delta): Book {
  if (d.seq <= book.seq) return book;
  const key = d.side === 'bid' ? 'bids' : 'asks';
  const levels = book[key].filter(([p]) => p !== d.price);
  if (d.size > 0) levels.push([d.price, d.size]);
  levels.sort((a, b) => (d.side === 'bid' ? b[0] - a[0] : a[0] - b[0]));
  return { ...book, [key]: levels.slice(0, 50), seq: d.seq };
}

export function useOrderBook(market: string) {
  const [book, apply] = useReducer(reducer, { bids: [], asks: [], seq: 0 });
  const [online, setOnline] = useState(navigator.onLine);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    // ruleid: websocket-without-close-handler
    const ws = new WebSocket(`wss://stream.exchange.example/book/${market}`);
    ws.onmessage = (ev) => {
      let delta: Delta;
      try {
        // ok: json-parse-without-guard
        delta = JSON.parse(ev.data);
      } catch {
        return;
      }
      apply(delta);
    };
    return () => ws.close();
  }, [market, generation]);

  useEffect(() => {
    const reconnect = () => {
      setOnline(true);
      setGeneration((g) => g + 1);
    };
    // ruleid: listener-without-cleanup
    window.addEventListener('online', reconnect);
    return () => window.removeEventListener('offline', reconnect);
  }, []);

  useEffect(() => {
    const goOffline = () => setOnline(false);
    // ok: listener-without-cleanup
    window.addEventListener('offline', goOffline);
    return () => window.removeEventListener('offline', goOffline);
  }, []);

  return { book, online };
}
