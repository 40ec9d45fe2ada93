import { connect } from 'node:net';

/** One HTTP/1.1 answer as read off the socket. */
export interface RawAnswer {
  status: number;
  /** Header lines in order, names lower-cased (duplicates kept). */
  headers: [string, string][];
  body: Buffer;
  /** Status line, headers and body as text, for messages and content checks. */
  text: string;
}

export interface RawRequest {
  port: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 'GET' */
  method?: string;
  /** Sent byte for byte: `..`, `%2e`, `\`, `;`, `//` and absolute-form targets stay as written. */
  target: string;
  /** Header lines in order; a name may repeat. `Host` and `Connection: close` are added unless given. */
  headers?: readonly (readonly [string, string])[];
  body?: Buffer | string;
  /** The request fails as a hang when no complete answer arrived by then. @default 5000 */
  timeoutMs?: number;
}

/**
 * Sends one request over a plain `node:net` socket and reads the answer. fetch and undici normalise
 * paths (`/a/../b` → `/b`, `\` → `/`) and refuse absolute-form targets, so an attacker's bytes only
 * reach a server this way.
 */
export function rawRequest(request: RawRequest): Promise<RawAnswer> {
  const host = request.host ?? '127.0.0.1';
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const headers = [...(request.headers ?? [])];
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  if (!has('host')) headers.unshift(['Host', `${host}:${request.port}`]);
  if (!has('connection')) headers.push(['Connection', 'close']);
  if (body.length > 0 && !has('content-length') && !has('transfer-encoding'))
    headers.push(['Content-Length', String(body.length)]);
  const head = `${request.method ?? 'GET'} ${request.target} HTTP/1.1\r\n${headers
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  const timeoutMs = request.timeoutMs ?? 5000;

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect({ host, port: request.port });
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) {
        reject(error);
        return;
      }
      const answer = parseAnswer(Buffer.concat(chunks));
      if (answer) resolve(answer);
      else
        reject(
          new Error(
            `no complete HTTP answer to ${request.method ?? 'GET'} ${request.target}: ${JSON.stringify(
              Buffer.concat(chunks).toString('latin1').slice(0, 300),
            )}`,
          ),
        );
    };
    const timer = setTimeout(
      () =>
        finish(new Error(`no answer within ${timeoutMs} ms to ${request.method ?? 'GET'} ${request.target}`)),
      timeoutMs,
    );
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // A server may keep the connection open despite `Connection: close`: stop once the answer is whole.
      if (parseAnswer(Buffer.concat(chunks), true)) finish();
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    // A server may close while the request is still being written (an oversized body refused early):
    // the answer already read is what counts.
    socket.on('error', (error) => (chunks.length > 0 ? finish() : finish(error)));
    socket.write(head, 'latin1');
    if (body.length > 0) socket.write(body);
  });
}

/** Parses a whole answer; with `strict`, undefined until its body is complete by its own framing. */
function parseAnswer(raw: Buffer, strict = false): RawAnswer | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const lines = raw.subarray(0, end).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  if (!match) return undefined;
  const status = Number(match[1]);
  const headers = lines.slice(1).map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  });
  const header = (name: string) => headers.find(([n]) => n === name)?.[1];
  let body = raw.subarray(end + 4);
  if (header('transfer-encoding')?.toLowerCase().includes('chunked')) {
    const decoded = decodeChunked(body);
    if (!decoded && strict) return undefined;
    body = decoded ?? body;
  } else if (header('content-length') !== undefined) {
    const length = Number(header('content-length'));
    if (body.length < length && strict) return undefined;
    body = body.subarray(0, length);
  } else if (strict && status >= 200 && status !== 204 && status !== 304) {
    // Framed by the connection's end.
    return undefined;
  }
  return {
    status,
    headers,
    body,
    text: `${lines.join('\n')}\n\n${body.toString('utf8')}`,
  };
}

/** The body of a chunked message, or undefined while its last chunk has not arrived. */
function decodeChunked(raw: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset);
    if (lineEnd < 0) return undefined;
    const size = Number.parseInt(raw.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (raw.length < start + size + 2) return undefined;
    parts.push(raw.subarray(start, start + size));
    offset = start + size + 2;
  }
}
