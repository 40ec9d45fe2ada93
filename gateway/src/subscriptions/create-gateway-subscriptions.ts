import type { Server } from 'node:http';
import type { ApolloGateway, GraphQLDataSource } from '@apollo/gateway';
import type { IdentitySigner } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import type { Tracing } from '@ionflux/kit/tracing';
import type { Express } from 'express';
import type { ValidationRule } from 'graphql';
import type { Registry } from 'prom-client';
import type { JwtVerification } from '../auth/jwt-verifier.ts';
import { createCallerAuthenticator, type SubscriptionAdmit } from './authenticate-caller.ts';
import { createSseHandler } from './create-sse-handler.ts';
import { mountGraphqlWs } from './mount-graphql-ws.ts';
import { registerSubscriptionMetrics, subscriptionDropCounter } from './register-subscription-metrics.ts';
import {
  createSubscriptionEngine,
  type ShareScope,
  type SubscriptionEngineStats,
} from './subscription-engine.ts';
import { resolveSubscriptionLimits, type SubscriptionLimits } from './subscription-limits.ts';

export interface GatewaySubscriptionsOptions {
  logger: Logger;
  /** Signs the caller's identity for the owning subgraph, as for queries. */
  signer: IdentitySigner;
  /** The gateway's JWT verifier: streams are authenticated by the same rules as `POST /graphql`. */
  verifyJwt(authorization: string): Promise<JwtVerification>;
  limits?: SubscriptionLimits;
  /**
   * Asked before each subscription starts (after authentication): the per-workspace request rate of
   * the gateway. A refusal is answered RATE_LIMITED (SSE: HTTP 429 with Retry-After). @default admit all
   */
  admit?: SubscriptionAdmit;
  shareScope?: ShareScope;
  /** Where the subscription gauges are registered (the gateway's `/metrics`). */
  registry?: Registry;
  /** Spans of each subscription event's execution. @default off */
  tracing?: Tracing;
  /** Server-side pings (graphql-ws) and comment lines (SSE). @default 12000 */
  keepAliveMs?: number;
}

export interface GatewaySubscriptions {
  /** Wrap the gateway's `buildService` with it, so events' entity fetches use the gateway's data sources. */
  trackDataSources<Build extends (definition: { name: string; url?: string }) => GraphQLDataSource>(
    build: Build,
  ): Build;
  /** Follow the gateway's schema; call before `apollo.start()`. */
  attach(gateway: ApolloGateway): void;
  /**
   * Serves graphql-ws on `httpServer`'s `/graphql` upgrades and SSE on `app`'s `/graphql` (register before
   * Apollo's handler), validating with the same limits as queries.
   */
  mount(
    httpServer: Server,
    app: Express,
    limits: { validationRules: readonly ValidationRule[]; parseOptions: { maxTokens: number } },
  ): void;
  stats(): SubscriptionEngineStats;
  /** Ends every stream and upstream subscription; call before stopping Apollo Server. */
  close(): Promise<void>;
}

/** Federated subscriptions for the gateway: the engine and its two transports, graphql-ws and SSE. */
export function createGatewaySubscriptions(options: GatewaySubscriptionsOptions): GatewaySubscriptions {
  const engine = createSubscriptionEngine({
    logger: options.logger,
    signer: options.signer,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.shareScope ? { shareScope: options.shareScope } : {}),
    ...(options.registry ? { onDropped: subscriptionDropCounter(options.registry) } : {}),
    ...(options.tracing ? { tracing: options.tracing } : {}),
  });
  const authenticate = createCallerAuthenticator(options.verifyJwt);
  const admit: SubscriptionAdmit = options.admit ?? (() => ({ ok: true }));
  if (options.registry) registerSubscriptionMetrics(options.registry, () => engine.stats());
  const keepAliveMs = options.keepAliveMs ?? 12_000;
  let graphqlWs: { close(): Promise<void> } | undefined;

  return {
    trackDataSources: (build) => engine.trackDataSources(build),
    attach: (gateway) => engine.attach(gateway),
    mount(httpServer, app, limits) {
      engine.useValidation({
        validationRules: limits.validationRules,
        maxTokens: limits.parseOptions.maxTokens,
      });
      graphqlWs = mountGraphqlWs(httpServer, {
        engine,
        authenticate,
        admit,
        logger: options.logger,
        maxPerConnection: resolveSubscriptionLimits(options.limits).maxPerConnection,
        keepAliveMs,
      });
      app.use(
        '/graphql',
        createSseHandler({ engine, authenticate, admit, logger: options.logger, keepAliveMs }),
      );
    },
    stats: () => engine.stats(),
    async close() {
      await graphqlWs?.close();
      await engine.close();
    },
  };
}
