// Next.js App Router: /api/stream?topic=deploys
import { NextRequest } from "next/server";
import { redisSubscriber } from "@/lib/redis";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const encoder = new TextEncoder();

export async function GET(req: NextRequest) {
  const topic = req.nextUrl.searchParams.get("topic") ?? "deploys";
  const sub = redisSubscriber();
  let ping: ReturnType<typeof setInterval> | undefined;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      await sub.subscribe(`events:${topic}`, (message: string) => {
        controller.enqueue(encoder.encode(`data: ${message}\n\n`));
      });
      // ok: heartbeat-interval-never-cleared
      ping = setInterval(() => controller.enqueue(encoder.encode(": ping\n\n")), 15_000);
    },
    async cancel() {
      clearInterval(ping);
      await sub.unsubscribe(`events:${topic}`);
      await sub.quit();
    },
  });

  return new Response(stream, {
    headers: {
      // ok: sse-missing-no-cache
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
    },
  });
}
