import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { FormattedExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ErrorCode, formatGraphQLError } from '../errors/index.ts';
import { IDENTITY_HEADER, type Identity, type IdentityVerifier } from '../identity/index.ts';
import type { Logger } from '../logging/index.ts';
import type { Tracing } from '../tracing/index.ts';
import { handleUpgrades } from './handle-upgrades.ts';
import { tracedSubscribe } from './traced-subscribe.ts';

export interface SubgraphSubscriptionsOptions<Context> {
  /** The subgraph's executable schema (`buildSubgraphSchema(...)`), the same one its HTTP side serves. */
  schema: GraphQLSchema;
  /** Checks the gateway-signed identity, addressed to this subgraph. */
  identityVerifier: IdentityVerifier;
  /** Builds the context every event of one subscription resolves with, from the verified identity. */
  createContext(identity: Identity): Context;
  logger: Logger;
  /** @default '/graphql' */
  path?: string;
  /**
   * Interval of WebSocket pings; a peer that does not pong within it is dropped. Shorter than the
   * gateway's own, so a dead gateway connection frees its subscriptions here first.
   * @default 12000
   */
  keepAliveMs?: number;
  /** Each event's execution a span continuing its publisher's trace (see `tracedSubscribe`). @default off */
  tracing?: Tracing;
}

export interface SubgraphSubscriptions {
  /** Open connections (each one gateway connection for one identity scope). */
  connectionCount(): number;
  /** Closes every connection (1001) and stops accepting upgrades. */
  close(): Promise<void>;
}

/** Close code when the gateway-signed identity is missing or invalid, as graphql-ws names it. */
const UNAUTHORIZED = CloseCode.Unauthorized;

/**
 * Serves the subgraph's subscriptions over graphql-ws (`graphql-transport-ws`) at `path` on the same
 * `http.Server` as its HTTP GraphQL. Only the gateway may connect: `connection_init` must carry the
 * gateway-signed identity in `connectionParams['x-ionflux-identity']` (what the HTTP side reads from the
 * header of the same name), else the socket is closed with 4401 before any operation runs. Every
 * subscription on the connection resolves with `createContext(identity)`; resolver errors are masked
 * like the HTTP side's (`formatGraphQLError`).
 */
export function mountSubgraphSubscriptions<Context>(
  httpServer: Server,
  options: SubgraphSubscriptionsOptions<Context>,
): SubgraphSubscriptions {
  const log = options.logger.child({ component: 'subscriptions' });
  const identities = new WeakMap<object, Identity>();
  const wss = new WebSocketServer({ noServer: true });
  const detach = handleUpgrades(httpServer, wss, options.path ?? '/graphql');
  const server = useServer<
    Record<string, unknown>,
    { socket: { close(code: number, reason: string): void } }
  >(
    {
      schema: options.schema,
      ...(options.tracing?.enabled ? { subscribe: tracedSubscribe.bind(undefined, options.tracing) } : {}),
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.[IDENTITY_HEADER];
        const verification = options.identityVerifier.verify(typeof token === 'string' ? token : undefined);
        if (!verification.ok) {
          ctx.extra.socket.close(
            UNAUTHORIZED,
            `only the IONFLUX gateway may subscribe (${verification.reason})`,
          );
          return false;
        }
        // The gateway signs its connection's request id in; a connection without one gets its own.
        identities.set(ctx, { requestId: randomUUID(), ...verification.identity });
        return true;
      },
      context: (ctx) => {
        const identity = identities.get(ctx);
        // onConnect ran and succeeded before any subscribe message is accepted.
        if (!identity) throw new Error('subscription without a verified identity');
        return options.createContext(identity) as object;
      },
      onNext: (ctx, _id, _payload, _args, result): FormattedExecutionResult | undefined => {
        if (!result.errors?.length) return undefined;
        const { data, extensions } = result;
        const requestId = identities.get(ctx)?.requestId;
        return {
          ...(data === undefined ? {} : { data }),
          ...(extensions ? { extensions } : {}),
          errors: result.errors.map((error): GraphQLFormattedError => {
            const masked = formatGraphQLError(error.toJSON(), error);
            if (masked.extensions?.['code'] !== ErrorCode.INTERNAL) return masked;
            log.error({ err: error, requestId }, 'subscription resolver failed');
            return { ...masked, extensions: { ...masked.extensions, requestId } };
          }),
        };
      },
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );
  return {
    connectionCount: () => wss.clients.size,
    async close() {
      detach();
      await server.dispose();
    },
  };
}
