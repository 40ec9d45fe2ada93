import type { Response } from 'express';

/** Starts a `text/event-stream` response. */
export function startEventStream(res: Response, headers: Record<string, string> = {}): void {
  res.status(200);
  res.set({
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  res.flushHeaders();
}

/** Writes one event: `event:` only when named, `data:` as given (JSON is stringified). */
export function writeEvent(res: Response, data: unknown, event?: string, separator = '\n\n'): void {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  res.write(`${event === undefined ? '' : `event: ${event}\n`}data: ${payload}${separator}`);
}
