import React, { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { formatPrice } from './format';

const socket = io('https://feeds.example-markets.com', {
  transports: ['websocket'],
  // ruleid: token-in-query-string
  query: { token: localStorage.getItem('feedToken') },
});

export function LiveTicker({ symbols }) {
  const [quotes, setQuotes] = useState({});

  useEffect(() => {
    socket.emit('subscribe', symbols);
    // ruleid: listener-without-cleanup
    socket.on('quote', (q) => {
      setQuotes((prev) => ({ ...prev, [q.symbol]: q }));
    });
  }, [symbols]);

  return (
    <table className="ticker">
      <tbody>
        {symbols.map((s) => (
          <tr key={s}>
            <td>{s}</td>
            <td>{quotes[s] ? formatPrice(quotes[s].bid) : '—'}</td>
            <td>{quotes[s] ? formatPrice(quotes[s].ask) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MarketStatus() {
  const [status, setStatus] = useState('unknown');

  useEffect(() => {
    function handleStatus(s) {
      setStatus(s.state);
    }
    // ok: listener-without-cleanup
    socket.on('market:status', handleStatus);
    return () => socket.off('market:status', handleStatus);
  }, []);

  return <span className={`market-status market-status--${status}`}>{status}</span>;
}

export function ConnectionDot() {
  const [connected, setConnected] = useState(socket.connected);

  useEffect(() => {
    const controller = new AbortController();
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && !socket.connected) socket.connect();
    };
    // ok: listener-without-cleanup
    document.addEventListener('visibilitychange', onVisibility, { signal: controller.signal });
    // ok: listener-without-cleanup
    socket.on('connect', () => setConnected(true));
    socket.on('disconnect', () => setConnected(false));
    return () => {
      controller.abort();
      socket.off('connect');
      socket.off('disconnect');
    };
  }, []);

  return <i className={connected ? 'dot dot--green' : 'dot dot--grey'} />;
}
