import { NextRequest } from "next/server";
import { bus } from "@/lib/bus";

export const dynamic = "force-dynamic";

// Broadcasts workspace events (typing, new threads) to open tabs.
export async function GET(req: NextRequest) {
  const channel = req.nextUrl.searchParams.get("channel") ?? "global";
  const encoder = new TextEncoder();
  let unsubscribe: () => void = () => {};

  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode("retry: 5000\n\n"));
      // ruleid: heartbeat-interval-never-cleared
      setInterval(() => {
        controller.enqueue(encoder.encode(`: heartbeat ${Date.now()}\n\n`));
      }, 20_000);
      unsubscribe = bus.subscribe(channel, (payload: unknown) => {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(payload)}\n\n`));
      });
    },
    cancel() {
      unsubscribe();
    },
  });

  // ruleid: sse-missing-no-cache
  return new Response(body, { headers: { "Content-Type": "text/event-stream", Connection: "keep-alive" } });
}

export async function POST(req: NextRequest) {
  const { channel, event } = await req.json();
  if (typeof channel !== "string" || !event) {
    return Response.json({ error: "bad request" }, { status: 400 });
  }
  bus.publish(channel, event);
  return Response.json({ ok: true });
}
