import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { IDENTITY_HEADER, type Identity, type IdentitySigner } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

export interface GraphqlWsOptions<Context> {
  httpServer: Server;
  schema: GraphQLSchema;
  identitySigner: IdentitySigner;
  logger: Logger;
  createContext(identity: Identity, signal: AbortSignal): Context;
}

interface Connection {
  identity: Identity;
  closed: AbortController;
}

const SAFE_ID = /^[\w.:-]{1,64}$/;

/**
 * Serves subscriptions (`completionStream`) over graphql-ws (`graphql-transport-ws`) at `/graphql` on the
 * subgraph's own HTTP server. Like HTTP requests, a connection must carry the gateway-signed identity:
 * `connectionParams: { "x-ionflux-identity": <signed> }`; without a valid one it is closed with 4403.
 */
export function attachGraphqlWs<Context extends object>(
  options: GraphqlWsOptions<Context>,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const connections = new WeakMap<object, Connection>();
  const server = useServer<Record<string, unknown>>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.[IDENTITY_HEADER];
        const verification = await options.identitySigner.verify(
          typeof token === 'string' ? token : undefined,
        );
        if (!verification.ok) {
          options.logger.warn({ reason: verification.reason }, 'graphql-ws connection refused');
          return false;
        }
        const closed = new AbortController();
        ctx.extra.socket.once('close', () => closed.abort(new Error('the subscriber disconnected')));
        connections.set(ctx, { identity: verification.identity, closed });
        return true;
      },
      context: (ctx, id) => {
        const connection = connections.get(ctx);
        if (!connection) throw new Error('graphql-ws context without a verified connection');
        // One connection carries many operations; each gets its own request id.
        const composite = `${connection.identity.requestId}.${SAFE_ID.test(id) ? id : randomUUID()}`;
        const requestId = composite.length <= 128 ? composite : randomUUID();
        return options.createContext({ ...connection.identity, requestId }, connection.closed.signal);
      },
    },
    wss,
  );
  return {
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
