import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@ionflux/kit/logging';
import { sendRouteError } from '@ionflux/kit/server';
import { inspectRequestTarget } from './request-target.ts';

/**
 * Puts {@link inspectRequestTarget} in front of everything the server does: a `request` or `upgrade`
 * event is delivered to its listeners (the kit's service server, which answers `POST /graphql` straight
 * from Node's request before Express; the WebSocket endpoint, which reads only the target's pathname)
 * only for an origin-form target with a clean path; anything else gets 400 `INVALID_REQUEST` and reaches
 * no route. The check sits on the server's `emit`, so listeners attached or detached later are covered
 * as well.
 */
export function guardRequestTargets(server: Server, logger: Logger): void {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  const refused = (req: IncomingMessage, message: string) =>
    logger.warn(
      { method: req.method, target: (req.url ?? '').slice(0, 200), ip: req.socket.remoteAddress, message },
      'request target refused',
    );
  server.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'request' && event !== 'upgrade') return emit(event, ...args);
    const req = args[0] as IncomingMessage;
    const verdict = inspectRequestTarget(req.url);
    if (verdict.ok) return emit(event, ...args);
    refused(req, verdict.message);
    if (event === 'request') {
      // The body, if any, is not read: the connection closes after the answer.
      sendRouteError(args[1] as ServerResponse, 'INVALID_REQUEST', verdict.message, { close: true });
    } else {
      const body = JSON.stringify({ error: { code: 'INVALID_REQUEST', message: verdict.message } });
      (args[1] as Duplex).end(
        `HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    }
    return true;
  }) as Server['emit'];
}
