import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { subscribeToProject, type ProjectEvent } from '$lib/server/events';

const encoder = new TextEncoder();

export const GET: RequestHandler = async ({ url, locals, request }) => {
  if (!locals.user) throw error(401, 'login required');
  const projectId = url.searchParams.get('project');
  if (!projectId || !(await locals.user.canRead(projectId))) throw error(403, 'forbidden');

  const lastEventId = Number(request.headers.get('last-event-id') ?? 0);
  let unsubscribe: (() => void) | undefined;
  let keepAlive: ReturnType<typeof setInterval> | undefined;

  const readable = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode('retry: 3000\n\n'));
      unsubscribe = await subscribeToProject(projectId, lastEventId, (evt: ProjectEvent) => {
        controller.enqueue(
          encoder.encode(`id: ${evt.seq}\nevent: ${evt.type}\ndata: ${JSON.stringify(evt.data)}\n\n`),
        );
      });
      // ok: heartbeat-interval-never-cleared
      keepAlive = setInterval(() => {
        controller.enqueue(encoder.encode(`: ${Date.now()}\n\n`));
      }, 15_000);
    },
    cancel() {
      if (keepAlive) clearInterval(keepAlive);
      unsubscribe?.();
    },
  });

  return new Response(readable, {
    headers: {
      // ok: sse-missing-no-cache
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
    },
  });
};
