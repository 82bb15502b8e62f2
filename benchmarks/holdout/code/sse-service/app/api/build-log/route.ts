// Streams a CI build log line by line. Edge runtime.
import { getLogCursor } from "@/lib/builds";

export const runtime = "edge";

export async function GET(req: Request, { params }: { params: { id: string } }) {
  const cursor = await getLogCursor(params.id);
  const enc = new TextEncoder();

  const body = new ReadableStream({
    async pull(controller) {
      const chunk = await cursor.next();
      if (chunk.done) {
        controller.enqueue(enc.encode("event: end\ndata: {}\n\n"));
        controller.close();
        return;
      }
      for (const line of chunk.lines) {
        controller.enqueue(enc.encode(`id: ${line.n}\ndata: ${JSON.stringify(line.text)}\n\n`));
      }
    },
    cancel() {
      cursor.close();
    },
  });

  const headers = new Headers();
  // ruleid: sse-missing-no-cache
  headers.set("Content-Type", "text/event-stream");
  // headers.set("Cache-Control", "no-cache"); // TODO re-enable once the CDN rule is fixed
  return new Response(body, { status: 200, headers });
}
