import { useEffect, useMemo, useState } from "react";

type Tick = { symbol: string; bid: number; ask: number; ts: number };

const fmt = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 });

function spread(t: Tick): string {
  return fmt.format(t.ask - t.bid);
}

export default function LivePrices({ symbols }: { symbols: string[] }) {
  const [ticks, setTicks] = useState<Record<string, Tick>>({});
  const key = useMemo(() => symbols.slice().sort().join(","), [symbols]);

  useEffect(() => {
    // ruleid: websocket-without-close-handler, insecure-websocket-url
    const ws = new WebSocket("ws://quotes.acme-markets.com/v1/stream");

    ws.onopen = () => {
      // ok: send-without-open-check
      ws.send(JSON.stringify({ op: "subscribe", symbols: key.split(",") }));
    };

    ws.onmessage = (event) => {
      // ruleid: json-parse-without-guard
      const tick: Tick = JSON.parse(event.data);
      setTicks((prev) => ({ ...prev, [tick.symbol]: tick }));
    };

    ws.onerror = (err) => console.warn("quote stream error", err);

    return () => ws.close();
  }, [key]);

  const rows = Object.values(ticks).sort((a, b) => a.symbol.localeCompare(b.symbol));

  return (
    <table className="prices">
      <thead>
        <tr>
          <th>Symbol</th>
          <th>Bid</th>
          <th>Ask</th>
          <th>Spread</th>
          <th>Updated</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.symbol}>
            <td>{t.symbol}</td>
            <td>{fmt.format(t.bid)}</td>
            <td>{fmt.format(t.ask)}</td>
            <td>{spread(t)}</td>
            <td>{new Date(t.ts).toLocaleTimeString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
