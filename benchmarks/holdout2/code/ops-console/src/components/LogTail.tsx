import { useEffect, useRef, useState } from "react";

interface Props {
  service: string;
  maxLines?: number;
}

export function LogTail({ service, maxLines = 500 }: Props) {
  const [lines, setLines] = useState<string[]>([]);
  const [paused, setPaused] = useState(false);
  const pausedRef = useRef(paused);
  const bottomRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    pausedRef.current = paused;
  }, [paused]);

  useEffect(() => {
    setLines([]);
    // ruleid: eventsource-without-error-handler
    const source = new EventSource(`/api/logs/${encodeURIComponent(service)}/tail`, { withCredentials: true });
    source.onmessage = (e) => {
      if (pausedRef.current) return;
      setLines((prev) => {
        const next = prev.length >= maxLines ? prev.slice(prev.length - maxLines + 1) : prev.slice();
        next.push(e.data);
        return next;
      });
    };
    return () => source.close();
  }, [service, maxLines]);

  useEffect(() => {
    if (!paused) bottomRef.current?.scrollIntoView({ block: "end" });
  }, [lines, paused]);

  return (
    <section className="log-tail">
      <header>
        <h3>{service}</h3>
        <button onClick={() => setPaused((p) => !p)}>{paused ? "Resume" : "Pause"}</button>
      </header>
      <pre>
        {lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
        <div ref={bottomRef} />
      </pre>
    </section>
  );
}
