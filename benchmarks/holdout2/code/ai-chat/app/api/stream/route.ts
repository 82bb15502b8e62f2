import { NextRequest } from "next/server";
import { jobEvents } from "@/lib/job-events";
import { getSession } from "@/lib/session";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// ok: sse-missing-no-cache
const SSE_HEADERS = { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" } as const;

export async function GET(req: NextRequest) {
  const session = await getSession(req);
  if (!session) return new Response("unauthorized", { status: 401 });

  const jobId = req.nextUrl.searchParams.get("job");
  if (!jobId) return new Response("missing job", { status: 400 });

  const lastEventId = Number(req.headers.get("last-event-id") ?? 0);
  const encoder = new TextEncoder();

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (id: number, event: string, data: unknown) =>
        controller.enqueue(encoder.encode(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`));

      // Replay what the client missed, then go live.
      for (const e of await jobEvents.since(jobId, lastEventId)) write(e.seq, e.kind, e.payload);

      // ok: heartbeat-interval-never-cleared
      const keepAlive = setInterval(() => controller.enqueue(encoder.encode(": ka\n\n")), 15_000);
      const unsubscribe = jobEvents.subscribe(jobId, (e) => write(e.seq, e.kind, e.payload));

      req.signal.addEventListener("abort", () => {
        clearInterval(keepAlive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
    },
  });

  return new Response(stream, { headers: SSE_HEADERS });
}
