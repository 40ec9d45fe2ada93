import type { Server } from 'node:http';
import { ErrorCode } from '@ionflux/kit/errors';
import type { Logger } from '@ionflux/kit/logging';
import { handleUpgrades } from '@ionflux/kit/subscriptions';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { CallerAuthentication, SubscriptionAdmit } from './authenticate-caller.ts';
import { formatResult } from './format-result.ts';
import { requestIdOf } from './request-id-of.ts';
import type { OpenedSubscription, SubscriptionEngine } from './subscription-engine.ts';
import { SubscriptionEndReason, subscriptionEndError } from './subscription-error.ts';

export interface GraphqlWsOptions {
  engine: SubscriptionEngine;
  authenticate(authorization: string | undefined, requestId: string): Promise<CallerAuthentication>;
  admit: SubscriptionAdmit;
  logger: Logger;
  /** @default 100 */
  maxPerConnection: number;
  /** @default '/graphql' */
  path?: string;
  /** Server pings; a client that does not pong within the interval is dropped. @default 12000 */
  keepAliveMs?: number;
}

interface ConnectionState {
  identity: Parameters<SubscriptionEngine['open']>[1];
  active: number;
  expiry: NodeJS.Timeout | undefined;
}

/** setTimeout's ceiling (about 24.8 days); a later expiry is re-checked when it fires. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * graphql-ws (`graphql-transport-ws`) on the gateway's `/graphql`, beside Apollo Server's HTTP handler.
 * The JWT comes in `connection_init` (`connectionParams.authorization`, or the upgrade request's
 * Authorization header), checked with the HTTP rules: 4401 when missing, bad or expired, 4403 when it
 * names no IONFLUX caller. The connection closes with 4401 when the token expires.
 */
export function mountGraphqlWs(httpServer: Server, options: GraphqlWsOptions): { close(): Promise<void> } {
  const log = options.logger.child({ component: 'subscriptions', transport: 'graphql-ws' });
  const states = new WeakMap<object, ConnectionState>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const detach = handleUpgrades(httpServer, wss, options.path ?? '/graphql');

  const server = useServer(
    {
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const fromParams = params['authorization'] ?? params['Authorization'];
        const authorization =
          typeof fromParams === 'string' ? fromParams : ctx.extra.request.headers.authorization;
        const auth = await options.authenticate(authorization, requestIdOf(ctx.extra.request));
        if (!auth.ok) {
          ctx.extra.socket.close(
            auth.status === 403 ? CloseCode.Forbidden : CloseCode.Unauthorized,
            auth.reason,
          );
          return false;
        }
        const state: ConnectionState = { identity: auth.identity, active: 0, expiry: undefined };
        if (auth.expiresAt !== undefined) {
          const closeWhenExpired = () => {
            const left = (auth.expiresAt ?? 0) - Date.now();
            if (left > 0) {
              state.expiry = setTimeout(closeWhenExpired, Math.min(left, MAX_TIMER_MS));
              return;
            }
            ctx.extra.socket.close(CloseCode.Unauthorized, 'Token expired');
          };
          closeWhenExpired();
        }
        states.set(ctx, state);
        return true;
      },
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const state = states.get(ctx);
        const schema = options.engine.schema();
        if (!state || !schema)
          return [subscriptionEndError(SubscriptionEndReason.GATEWAY_SHUTDOWN, 'Not ready.')];
        if (state.active >= options.maxPerConnection) {
          return [
            subscriptionEndError(
              SubscriptionEndReason.SUBSCRIPTION_LIMIT,
              `This connection already has ${options.maxPerConnection} subscriptions open.`,
            ),
          ];
        }
        const admission = options.admit(state.identity, 'graphql-ws');
        if (!admission.ok) {
          return [
            new GraphQLError(admission.message, {
              extensions: {
                code: ErrorCode.RATE_LIMITED,
                retryAfterSeconds: admission.retryAfterSeconds,
                limit: admission.limit,
              },
            }),
          ];
        }
        const opened = options.engine.open(payload, state.identity, () => {
          state.active--;
        });
        if (!('results' in opened)) return opened;
        state.active++;
        return {
          schema,
          document: opened.document,
          ...(payload.operationName ? { operationName: payload.operationName } : {}),
          contextValue: opened,
        };
      },
      subscribe: (args) => (args.contextValue as OpenedSubscription).results,
      onNext: (ctx, _id, _payload, _args, result) =>
        formatResult(result, log, states.get(ctx)?.identity.requestId),
      onClose: (ctx) => {
        const state = states.get(ctx);
        if (state?.expiry) clearTimeout(state.expiry);
      },
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );

  return {
    async close() {
      detach();
      await server.dispose();
    },
  };
}
