import type { IncomingMessage } from 'node:http';

export type CappedRead =
  | { ok: true; bytes: Buffer<ArrayBuffer> }
  | { ok: false; reason: 'too_large' | 'aborted' };

/**
 * Reads a request body up to `maxBytes`. A declared `content-length` over the cap is refused before a
 * byte is read; a longer body (chunked) is refused as soon as it passes the cap. What is left of a
 * refused body is read and dropped (not kept), so the refusal can be answered before the connection
 * closes.
 */
export function readRequestBody(req: IncomingMessage, maxBytes: number): Promise<CappedRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (result: CappedRead) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (!result.ok) req.resume();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) finish({ ok: false, reason: 'too_large' });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, bytes: Buffer.concat(chunks, length) });
    const onError = () => finish({ ok: false, reason: 'aborted' });
    const onClose = () => {
      if (!req.complete) finish({ ok: false, reason: 'aborted' });
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** Reads a fetch response body up to `maxBytes`; past it the stream is cancelled and nothing is kept. */
export async function readResponseBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<CappedRead> {
  if (body === null) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, length) };
}

/** Reads an undici answer's body up to `maxBytes`; past it the body is destroyed and nothing is kept. */
export async function readUpstreamBody(
  body: AsyncIterable<Buffer> & { destroy(): void },
  maxBytes: number,
): Promise<CappedRead> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.length;
    if (length > maxBytes) {
      body.destroy();
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks, length) };
}
