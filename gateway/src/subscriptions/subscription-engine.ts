import { randomUUID } from 'node:crypto';
import type { ApolloGateway, GraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Identity, IdentitySigner } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import type { Tracing } from '@ionflux/kit/tracing';
import type { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import { prepareSubscription, type SubscriptionRequest } from './prepare-subscription.ts';
import { createPushIterator } from './push-iterator.ts';
import { createSharedSubscription, type DropReason, type SharedSubscription } from './shared-subscription.ts';
import { invalidSubscription, SubscriptionEndReason, subscriptionEndError } from './subscription-error.ts';
import { resolveSubscriptionLimits, type SubscriptionLimits } from './subscription-limits.ts';
import { createSubscriptionPlanner } from './subscription-planner.ts';
import { createUpstreamConnections } from './upstream-connections.ts';

/**
 * Who shares an upstream subscription. `workspace`: subscribers of one workspace with the same operation
 * and variables share one (subgraphs scope every read to the workspace, so they would see the same
 * events); the subgraph sees the identity of the first of them. `user`: only one user's subscriptions.
 * @default 'workspace'
 */
export type ShareScope = 'workspace' | 'user';

export interface SubscriptionEngineOptions {
  logger: Logger;
  signer: IdentitySigner;
  limits?: SubscriptionLimits;
  shareScope?: ShareScope;
  /**
   * Root subscription fields that are per-call streams, not broadcasts: never shared, since a second
   * subscriber joining one would get a stream already under way (and the call would be billed once).
   * @default ['completionStream']
   */
  unsharedRootFields?: readonly string[];
  /** Called for each event not delivered (metrics). @default none */
  onDropped?(reason: DropReason): void;
  /** Spans of each event's execution, continuing its publisher's trace. @default off */
  tracing?: Tracing;
}

/** One client subscription, as a transport drives it. */
export interface OpenedSubscription {
  /** The parsed operation (graphql-ws wants it back from `onSubscribe`). */
  document: DocumentNode;
  /** The results to send, in order; `return()` unsubscribes at once. */
  results: AsyncGenerator<ExecutionResult, undefined, undefined>;
  /** Ends the stream with `error` (e.g. the token expired), after which `results` is done. */
  end(error: GraphQLError): void;
}

export interface SubscriptionEngineStats {
  /** Client subscriptions open. */
  subscribers: number;
  /** Upstream subscriptions open (shared ones count once). */
  upstreamSubscriptions: number;
  /** Upstream WebSocket connections open. */
  upstreamConnections: number;
  /** Results queued for clients, all subscriptions together. */
  queuedResults: number;
  /** Events received from subgraphs and not yet delivered. */
  pendingEvents: number;
}

/** What a transport needs to open subscriptions for a verified caller. */
export interface SubscriptionEngine {
  /** Wraps the gateway's `buildService`, so entity fetches per event use the gateway's own data sources. */
  trackDataSources<Build extends (definition: { name: string; url?: string }) => GraphQLDataSource>(
    build: Build,
  ): Build;
  /** Follows the gateway's schema; call before `apollo.start()`. A reload ends open subscriptions. */
  attach(gateway: ApolloGateway): void;
  /** The API schema clients validate against, once loaded. */
  schema(): GraphQLSchema | undefined;
  /** Applies the same operation limits as queries; call before a transport is mounted. */
  useValidation(options: { validationRules: readonly ValidationRule[]; maxTokens: number }): void;
  /** Opens a subscription for a verified caller; `onEnd` runs once when its stream is over. */
  open(
    request: SubscriptionRequest,
    identity: Identity,
    onEnd?: () => void,
  ): OpenedSubscription | readonly GraphQLError[];
  stats(): SubscriptionEngineStats;
  /** Ends every subscription (GATEWAY_SHUTDOWN) and closes upstream connections. */
  close(): Promise<void>;
}

/**
 * Federated subscriptions for an `ApolloGateway`: plans each subscription with the gateway's query
 * planner, subscribes to the owning subgraph over graphql-ws with the caller's signed identity, runs the
 * rest of the plan for each event and fans the result out to every subscriber sharing it.
 */
export function createSubscriptionEngine(options: SubscriptionEngineOptions): SubscriptionEngine {
  const limits = resolveSubscriptionLimits(options.limits);
  const log = options.logger.child({ component: 'subscriptions' });
  const planner = createSubscriptionPlanner();
  const connections = createUpstreamConnections({ signer: options.signer });
  const dataSources = new Map<string, GraphQLDataSource>();
  const shared = new Map<string, SharedSubscription>();
  const perWorkspace = new Map<string, number>();
  const queues = new Set<{ queued(): number }>();
  let validation = { validationRules: [] as readonly ValidationRule[], maxTokens: 5000 };
  let closed = false;
  const unshared = new Set(options.unsharedRootFields ?? ['completionStream']);

  const endAll = (error: GraphQLError) => {
    for (const subscription of [...shared.values()]) subscription.end(error);
  };

  return {
    trackDataSources(build) {
      return ((definition: { name: string; url?: string }) => {
        const dataSource = build(definition);
        dataSources.set(definition.name, dataSource);
        return dataSource;
      }) as typeof build;
    },
    attach(gateway) {
      gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
        const reload = planner.current() !== undefined;
        planner.update(coreSupergraphSdl, apiSchema);
        if (reload && shared.size > 0) {
          log.info({ subscriptions: shared.size }, 'schema reloaded; ending open subscriptions');
          endAll(
            subscriptionEndError(
              SubscriptionEndReason.SCHEMA_RELOAD,
              'The graph changed; subscribe again to plan against the new schema.',
            ),
          );
        }
      });
    },
    schema: () => planner.current()?.apiSchema,
    useValidation(next) {
      validation = next;
    },
    open(request, identity, onEnd) {
      const supergraph = planner.current();
      if (closed || !supergraph)
        return [invalidSubscription('The gateway is not serving subscriptions right now.')];
      const prepared = prepareSubscription(supergraph.apiSchema, request, validation);
      if (!('document' in prepared)) return prepared;
      const workspaceCount = perWorkspace.get(identity.workspaceId) ?? 0;
      if (workspaceCount >= limits.maxPerWorkspace) {
        return [
          subscriptionEndError(
            SubscriptionEndReason.SUBSCRIPTION_LIMIT,
            `This workspace already has ${limits.maxPerWorkspace} subscriptions open on this gateway.`,
          ),
        ];
      }
      let planned: ReturnType<typeof planner.plan>;
      try {
        planned = planner.plan(prepared.document, prepared.operation, prepared.planKey);
      } catch (error) {
        log.warn({ err: error }, 'subscription could not be planned');
        return [invalidSubscription(`The subscription could not be planned: ${(error as Error).message}`)];
      }
      const dataSource = dataSources.get(planned.primary.serviceName) as RemoteGraphQLDataSource | undefined;
      if (!dataSource?.url) {
        return [invalidSubscription(`No subgraph named ${planned.primary.serviceName} is configured.`)];
      }

      const rootField = prepared.operation.selectionSet.selections.find((s) => s.kind === 'Field');
      const dedicated = rootField?.kind === 'Field' && unshared.has(rootField.name.value);
      // The subgraph sees the connection's identity: a per-call stream must be on the caller's own.
      const scopeKey =
        dedicated || options.shareScope === 'user'
          ? `${identity.workspaceId}/${identity.userId}`
          : identity.workspaceId;
      const key = dedicated
        ? randomUUID()
        : JSON.stringify([planned.generation, scopeKey, planned.canonicalText, prepared.variables]);
      let subscription = shared.get(key);
      if (!subscription) {
        const created = createSharedSubscription({
          planned,
          supergraph,
          variables: prepared.variables,
          identity,
          scopeKey,
          graphqlUrl: dataSource.url,
          connections,
          // Events' entity fetches go through the gateway's own data sources.
          dataSources,
          logger: options.logger,
          maxInFlight: limits.maxInFlightPerSubscription,
          maxWaiting: limits.maxWaitingPerSubscription,
          onClosed: () => {
            if (shared.get(key) === created) shared.delete(key);
          },
          ...(options.onDropped ? { onDropped: options.onDropped } : {}),
          ...(options.tracing ? { tracing: options.tracing } : {}),
        });
        subscription = created;
        shared.set(key, created);
      }

      perWorkspace.set(identity.workspaceId, workspaceCount + 1);
      let remove = () => {};
      const queue = createPushIterator<ExecutionResult>(limits.maxQueuedPerSubscriber, () => {
        queues.delete(queue);
        remove();
        const count = (perWorkspace.get(identity.workspaceId) ?? 1) - 1;
        if (count > 0) perWorkspace.set(identity.workspaceId, count);
        else perWorkspace.delete(identity.workspaceId);
        onEnd?.();
      });
      queues.add(queue);
      remove = subscription.add(queue);
      return {
        document: prepared.document,
        results: queue.iterator,
        end: (error) => {
          remove();
          queue.end({ errors: [error] });
        },
      };
    },
    stats() {
      let queuedResults = 0;
      for (const queue of queues) queuedResults += queue.queued();
      let subscribers = 0;
      let pendingEvents = 0;
      for (const subscription of shared.values()) {
        subscribers += subscription.subscriberCount();
        pendingEvents += subscription.pendingEvents();
      }
      return {
        subscribers,
        upstreamSubscriptions: shared.size,
        upstreamConnections: connections.size(),
        queuedResults,
        pendingEvents,
      };
    },
    async close() {
      closed = true;
      endAll(subscriptionEndError(SubscriptionEndReason.GATEWAY_SHUTDOWN, 'The gateway is shutting down.'));
      await connections.close();
    },
  };
}
