import type { IncomingMessage } from 'node:http';

export type JsonBodyRead =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'too_large' | 'not_json' | 'malformed' | 'aborted' };

/**
 * Reads a JSON request body of at most `maxBytes`: a declared or streamed length past it is refused as
 * soon as it is known (the rest is read and dropped, so the refusal can still be answered), a body that
 * is not `application/json` or does not parse is refused, and nothing of it is echoed back.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<JsonBodyRead> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return Promise.resolve({ ok: false, reason: 'not_json' });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (result: JsonBodyRead) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (!result.ok) req.resume();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) finish({ ok: false, reason: 'too_large' });
      else chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        finish({ ok: true, value: JSON.parse(Buffer.concat(chunks, length).toString('utf8')) as unknown });
      } catch {
        finish({ ok: false, reason: 'malformed' });
      }
    };
    const onError = () => finish({ ok: false, reason: 'aborted' });
    const onClose = () => {
      if (!req.complete) finish({ ok: false, reason: 'aborted' });
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** The sentence a refused body is answered with (the status is the caller's: 413 or 400). */
export function bodyProblem(reason: Exclude<JsonBodyRead, { ok: true }>['reason'], maxBytes: number): string {
  switch (reason) {
    case 'too_large':
      return `The request body is larger than ${maxBytes} bytes.`;
    case 'not_json':
      return 'The request body must be JSON, sent with content-type: application/json.';
    case 'malformed':
      return 'The request body is not valid JSON.';
    case 'aborted':
      return 'The request body was not received completely.';
    default: {
      const unknown: never = reason;
      return String(unknown);
    }
  }
}
