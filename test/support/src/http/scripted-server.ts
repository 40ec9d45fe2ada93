import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test server does with one request. */
export type ScriptStep =
  | { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number }
  | { destroy: true };

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** Sockets opened to the server so far; keep-alive shows as fewer sockets than requests. */
  socketCount(): number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a free port for the provider client's tests (kit/http): it
 * answers the n-th request with `script[n]` (the last step repeats) and records what it received.
 */
export async function startScriptedServer(script: ScriptStep[]): Promise<ScriptedServer> {
  const received: ReceivedRequest[] = [];
  let sockets = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const index = received.length;
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const step = script[Math.min(index, script.length - 1)];
      if (step !== undefined) answer(step, request, response);
    });
  });
  server.on('connection', () => {
    sockets += 1;
  });
  // Listening on every address (dual stack) lets a test reach it under two host names.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    socketCount: () => sockets,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(step: ScriptStep, request: IncomingMessage, response: ServerResponse): void {
  if ('destroy' in step) {
    request.socket.destroy();
    return;
  }
  const send = () => {
    if (response.destroyed) return;
    const isText = typeof step.body === 'string';
    response.writeHead(step.status, {
      'content-type': isText ? 'text/plain' : 'application/json',
      ...step.headers,
    });
    response.end(step.body === undefined ? '' : isText ? step.body : JSON.stringify(step.body));
  };
  if (step.delayMs === undefined) send();
  else setTimeout(send, step.delayMs).unref();
}
