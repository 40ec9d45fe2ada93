import type { Request, Response } from 'express';
import type { Reply } from '../core/reply.ts';
import { startEventStream, writeEvent } from '../core/sse.ts';
import { beforeChunk } from '../core/stream-plan.ts';

/** How many tokens each streamed chunk carries: Gemini streams in a few large pieces. */
const TOKENS_PER_CHUNK = 8;
const SEPARATOR = '\r\n\r\n';
// A chunk holding `error` is how Google reports a failure after the 200 (js-genai raises it).
const STREAM_ERROR = {
  error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' },
};

/**
 * Streams the reply as several GenerateContentResponses, the last one carrying `finishReason` and
 * `usageMetadata`: with `alt=sse` as `data:` events and no terminator, otherwise as one JSON array.
 */
export async function streamResponses(
  req: Request,
  res: Response,
  reply: Reply,
  response: (text: string, finished: boolean) => unknown,
): Promise<void> {
  const chunks: string[] = [];
  for (let i = 0; i < reply.tokens.length; i += TOKENS_PER_CHUNK) {
    chunks.push(reply.tokens.slice(i, i + TOKENS_PER_CHUNK).join(''));
  }
  if (chunks.length === 0) chunks.push('');
  const sse = req.query['alt'] === 'sse';
  const send = (value: unknown, index: number) => {
    if (sse) writeEvent(res, value, undefined, SEPARATOR);
    else res.write(`${index === 0 ? '' : ',\r\n'}${JSON.stringify(value)}`);
  };
  if (sse) startEventStream(res);
  else res.status(200).type('application/json').write('[');
  for (let index = 0; index <= chunks.length; index += 1) {
    const next = await beforeChunk(res, index);
    if (next === 'closed') return;
    if (next === 'error') send(STREAM_ERROR, index);
    if (next !== 'write') {
      if (next === 'error' && !sse) res.write(']');
      res.end();
      return;
    }
    const text = chunks[index];
    if (text !== undefined) send(response(text, index === chunks.length - 1), index);
  }
  if (!sse) res.write(']');
  res.end();
}
