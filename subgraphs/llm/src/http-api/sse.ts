import type { ServerResponse } from 'node:http';

/** Starts a server-sent event stream: nothing buffers it (proxies included) and nothing caches it. */
export function startEventStream(res: ServerResponse): void {
  res.statusCode = 200;
  res.setHeader('content-type', 'text/event-stream; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('x-accel-buffering', 'no');
  res.flushHeaders();
}

/** One event: `data:` only (as OpenAI sends them), or named (`event:` then `data:`). */
export function writeEvent(res: ServerResponse, data: string, event?: string): void {
  // The caller may have gone mid-stream; the generator is being returned and nothing more is read.
  if (res.destroyed || res.writableEnded) return;
  res.write(event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`);
}
