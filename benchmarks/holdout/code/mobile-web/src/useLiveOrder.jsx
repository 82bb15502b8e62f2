import { useEffect, useReducer } from 'react';
import { fetchOrder } from './api';

function reducer(state, action) {
  switch (action.type) {
    case 'snapshot':
      return { ...action.order, events: [] };
    case 'event':
      if (state && action.event.version <= state.version) return state;
      return { ...state, status: action.event.status, version: action.event.version };
    default:
      return state;
  }
}

// Order tracking screen: courier position + status updates.
export default function useLiveOrder(orderId) {
  const [order, dispatch] = useReducer(reducer, null);

  useEffect(() => {
    let ws;
    let timer;
    let attempt = 0;
    let stopped = false;

    const getDelay = () => {
      // ok: backoff-without-jitter
      const ceiling = Math.min(20000, 1000 * 2 ** attempt);
      attempt += 1;
      return ceiling / 2 + Math.random() * (ceiling / 2);
    };

    function connect() {
      // ok: insecure-websocket-url
      const base = window.location.origin.replace(/^http/, 'ws');
      // ok: websocket-without-close-handler
      ws = new WebSocket(`${base}/orders/${orderId}/live`);
      ws.onopen = async () => {
        attempt = 0;
        dispatch({ type: 'snapshot', order: await fetchOrder(orderId) });
      };
      ws.onmessage = ({ data }) => {
        // ruleid: json-parse-without-guard
        dispatch({ type: 'event', event: JSON.parse(data) });
      };
      ws.addEventListener('close', () => {
        if (stopped) return;
        // ok: reconnect-without-backoff
        timer = setTimeout(connect, getDelay());
      });
    }

    connect();
    const onOnline = () => {
      clearTimeout(timer);
      attempt = 0;
      if (ws.readyState === WebSocket.CLOSED) connect();
    };
    // ok: listener-without-cleanup
    window.addEventListener('online', onOnline);

    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      ws && ws.close();
    };
  }, [orderId]);

  return order;
}
