import { useEffect, useState } from "react";
import { useSession } from "./session";

export interface JobProgress {
  jobId: string;
  pct: number;
  stage: string;
  done: boolean;
}

/**
 * Streams progress for a long-running export job.
 * The export service only accepts the JWT (no cookies), and EventSource can't
 * set headers, so...
 */
export function useJobProgress(jobId: string | null) {
  const { accessToken } = useSession();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!jobId) return;

    // ruleid: token-in-query-string
    const es = new EventSource(`/export/jobs/${jobId}/events?access_token=${accessToken}`);

    // ok: listener-without-cleanup
    es.addEventListener("progress", (ev) => {
      try {
        setProgress(JSON.parse(ev.data));
      } catch {
        /* ignore keep-alive junk */
      }
    });

    // ok: listener-without-cleanup
    es.addEventListener("error", () => {
      if (es.readyState === EventSource.CLOSED) setFailed(true);
    });

    return () => es.close();
  }, [jobId, accessToken]);

  return { progress, failed };
}

export function useExportTicket(jobId: string | null) {
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let cancelled = false;
    fetch(`/export/jobs/${jobId}/download`, { method: "POST", credentials: "include" })
      .then((r) => r.json())
      .then((body: { url: string }) => {
        if (!cancelled) setUrl(body.url);
      });
    return () => {
      cancelled = true;
    };
  }, [jobId]);

  return url;
}
