import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@ionflux/kit/logging';
import { inspectRequestTarget } from './request-target.ts';
import { sendRouteError } from './send-route-error.ts';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Puts {@link inspectRequestTarget} in front of everything the server does: every `request` and
 * `upgrade` listener attached so far (the kit's service server, which answers `POST /graphql` straight
 * from Node's request before Express, and the WebSocket endpoint) now runs only for an origin-form
 * target with a clean path; anything else gets 400 `INVALID_REQUEST` and reaches no route. Call it
 * after every listener is attached and before the server listens.
 */
export function guardRequestTargets(server: Server, logger: Logger): void {
  const onRequest = server.listeners('request') as RequestListener[];
  const onUpgrade = server.listeners('upgrade') as UpgradeListener[];
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');
  const refused = (req: IncomingMessage, message: string) =>
    logger.warn(
      { method: req.method, target: (req.url ?? '').slice(0, 200), ip: req.socket.remoteAddress, message },
      'request target refused',
    );
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const verdict = inspectRequestTarget(req.url);
    if (!verdict.ok) {
      refused(req, verdict.message);
      // The body, if any, is not read: close the connection after the answer.
      sendRouteError(res, 'INVALID_REQUEST', verdict.message, { close: true });
      return;
    }
    for (const listener of onRequest) listener.call(server, req, res);
  });
  if (onUpgrade.length === 0) return;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = inspectRequestTarget(req.url);
    if (!verdict.ok) {
      refused(req, verdict.message);
      const body = JSON.stringify({ error: { code: 'INVALID_REQUEST', message: verdict.message } });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    for (const listener of onUpgrade) listener.call(server, req, socket, head);
  });
}
