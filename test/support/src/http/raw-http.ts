import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything the server sent, as text. */
  raw: string;
}

export interface RawRequest {
  method?: string;
  /** Written as is on the request line: absolute-form, dot segments and encodings stay un-normalised. */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body chunked instead of with a content-length. */
  chunked?: boolean;
}

/**
 * One HTTP/1.1 request written byte for byte on a fresh socket (fetch normalises paths and never sends
 * absolute-form), read until the server closes. A server that closes without answering resolves with
 * status 0.
 */
export function rawRequest(port: number, request: RawRequest, timeoutMs = 10_000): Promise<RawResponse> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    connection: 'close',
    ...request.headers,
  };
  if (body !== undefined && request.chunked) headers['transfer-encoding'] = 'chunked';
  else if (body !== undefined) headers['content-length'] = String(body.length);
  const head = `${request.method ?? 'GET'} ${request.target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${request.method ?? 'GET'} ${request.target} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => received.push(chunk));
    const done = () => {
      clearTimeout(timer);
      resolve(parseResponse(Buffer.concat(received)));
    };
    socket.on('end', done);
    // A reset after the answer was sent (the server refused the rest of a body) still counts as an answer.
    socket.on('error', done);
    socket.write(head);
    if (body !== undefined) {
      socket.write(
        request.chunked
          ? Buffer.concat([
              Buffer.from(`${body.length.toString(16)}\r\n`),
              body,
              Buffer.from('\r\n0\r\n\r\n'),
            ])
          : body,
      );
    }
  });
}

function parseResponse(bytes: Buffer): RawResponse {
  const raw = bytes.toString('latin1');
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return { status: 0, headers: {}, body: '', raw };
  const [statusLine = '', ...lines] = raw.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const index = line.indexOf(':');
    if (index > 0) headers[line.slice(0, index).trim().toLowerCase()] = line.slice(index + 1).trim();
  }
  let body = bytes.subarray(Buffer.byteLength(raw.slice(0, split + 4), 'latin1'));
  if (headers['transfer-encoding']?.includes('chunked')) body = dechunk(body);
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: body.toString('utf8'), raw };
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const lineEnd = bytes.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
