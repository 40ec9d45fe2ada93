import type { GraphQLDataSource } from '@apollo/gateway';
import type { Identity } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import { contextFromTraceHeaders, SpanKind, type Tracing } from '@ionflux/kit/tracing';
import { type ExecutionResult, type FormattedExecutionResult, GraphQLError } from 'graphql';
import { executeEvent, type UpstreamEvent } from './execute-event.ts';
import { createOrderedExecutor } from './ordered-executor.ts';
import { SubscriptionEndReason, subscriptionEndError } from './subscription-error.ts';
import type { PlannedSubscription, PlanningSupergraph } from './subscription-planner.ts';
import type { UpstreamConnections } from './upstream-connections.ts';

/** One client's end of a shared subscription. */
export interface Subscriber {
  /** False when the client's queue is full. */
  push(result: ExecutionResult): boolean;
  /** Ends the client's stream, after what is queued or, with `last`, with `last` instead. */
  end(last?: ExecutionResult): void;
}

export interface SharedSubscriptionOptions {
  planned: PlannedSubscription;
  supergraph: PlanningSupergraph;
  /** The operation's coerced variables. */
  variables: Record<string, unknown>;
  /** Who the subgraphs see: the identity of the subscriber that opened it (same scope as the others). */
  identity: Identity;
  scopeKey: string;
  /** HTTP GraphQL URL of the subgraph owning the subscription. */
  graphqlUrl: string;
  connections: UpstreamConnections;
  dataSources: ReadonlyMap<string, GraphQLDataSource>;
  logger: Logger;
  maxInFlight: number;
  maxWaiting: number;
  /** Called once, when the last subscriber has left or the subscription ended. */
  onClosed(): void;
  /** Called for each event not delivered: to one slow subscriber, or to all on an upstream overflow. */
  onDropped?(reason: DropReason): void;
  /**
   * Each event's execution a CONSUMER span continuing the trace the subgraph put in its result's
   * `extensions.traceparent` (the event's publisher's). @default off
   */
  tracing?: Tracing;
}

/** Why an event was not delivered: the `reason` label of `ionflux_subscriptions_dropped_events_total`. */
export type DropReason = 'slow_consumer' | 'upstream_overflow';

export interface SharedSubscription {
  readonly generation: number;
  /** Adds a subscriber; returns how to remove it. */
  add(subscriber: Subscriber): () => void;
  /** Ends every subscriber with `error` and the upstream subscription. */
  end(error: GraphQLError): void;
  subscriberCount(): number;
  pendingEvents(): number;
}

/**
 * One upstream subscription to the owning subgraph, one plan execution per event, fanned out to every
 * subscriber with the same operation, variables and identity scope. A subscriber whose queue is full is
 * ended alone (SLOW_CONSUMER); the others keep receiving.
 */
export function createSharedSubscription(options: SharedSubscriptionOptions): SharedSubscription {
  const log = options.logger.child({
    component: 'subscriptions',
    subgraph: options.planned.primary.serviceName,
  });
  const subscribers = new Set<Subscriber>();
  let closed = false;
  const upstream = options.connections.acquire(
    { name: options.planned.primary.serviceName, graphqlUrl: options.graphqlUrl },
    options.scopeKey,
    options.identity,
  );
  const execution = {
    planned: options.planned,
    supergraph: options.supergraph,
    dataSources: options.dataSources,
    context: { requestId: options.identity.requestId, identity: options.identity },
    variables: options.variables,
    logger: log,
  };

  const deliver = (result: ExecutionResult) => {
    for (const subscriber of subscribers) {
      if (subscriber.push(result)) continue;
      options.onDropped?.('slow_consumer');
      subscribers.delete(subscriber);
      subscriber.end({
        errors: [
          subscriptionEndError(
            SubscriptionEndReason.SLOW_CONSUMER,
            'This subscription read events too slowly and its queue overflowed; subscribe again.',
          ),
        ],
      });
    }
    if (subscribers.size === 0) close();
  };
  const executor = createOrderedExecutor<UpstreamEvent, ExecutionResult>({
    run: (event) => {
      const extensions = options.tracing?.enabled ? event.extensions : undefined;
      const traceparent =
        typeof extensions === 'object' && extensions !== null
          ? (extensions as Record<string, unknown>)['traceparent']
          : undefined;
      if (!options.tracing || typeof traceparent !== 'string') return executeEvent(execution, event);
      return options.tracing.inSpan(
        `event ${options.planned.primary.serviceName}`,
        {
          kind: SpanKind.CONSUMER,
          parent: contextFromTraceHeaders({ traceparent }),
          attributes: {
            'ionflux.subgraph': options.planned.primary.serviceName,
            subscribers: subscribers.size,
          },
        },
        () => executeEvent(execution, event),
      );
    },
    deliver,
    maxInFlight: options.maxInFlight,
    maxWaiting: options.maxWaiting,
  });

  const primary = options.planned.primary;
  const upstreamVariables = Object.fromEntries(
    (primary.variableUsages ?? [])
      .filter((name) => name in options.variables)
      .map((name) => [name, options.variables[name]]),
  );
  const unsubscribe = upstream.client.subscribe(
    {
      query: primary.operation,
      variables: upstreamVariables,
      ...(primary.operationName ? { operationName: primary.operationName } : {}),
    },
    {
      next: (event) => {
        if (closed) return;
        if (!executor.submit(event)) {
          options.onDropped?.('upstream_overflow');
          endAll(
            subscriptionEndError(
              SubscriptionEndReason.UPSTREAM_OVERFLOW,
              'Events arrived faster than the gateway could resolve them; subscribe again.',
            ),
          );
        }
      },
      error: (error) => {
        if (closed) return;
        if (Array.isArray(error)) {
          // The subgraph refused the operation: its own errors (codes included) are the clearest answer.
          const errors = (error as FormattedExecutionResult['errors'] & object).map(
            (e) => new GraphQLError(e.message, { extensions: { ...e.extensions } }),
          );
          void executor.drained().then(() => finish({ errors }));
          return;
        }
        const detail = describeClose(error);
        log.warn({ detail }, 'upstream subscription failed');
        endAll(
          subscriptionEndError(
            SubscriptionEndReason.SUBGRAPH_UNAVAILABLE,
            `The ${primary.serviceName} subgraph ended this subscription (${detail}); subscribe again.`,
          ),
        );
      },
      complete: () => {
        if (closed) return;
        void executor.drained().then(() => finish());
      },
    },
  );

  function close() {
    if (closed) return;
    closed = true;
    executor.stop();
    unsubscribe();
    upstream.release();
    options.onClosed();
  }

  function finish(last?: ExecutionResult) {
    const ending = [...subscribers];
    subscribers.clear();
    close();
    for (const subscriber of ending) subscriber.end(last);
  }

  function endAll(error: GraphQLError) {
    if (closed) return;
    finish({ errors: [error] });
  }

  return {
    generation: options.planned.generation,
    add(subscriber) {
      subscribers.add(subscriber);
      return () => {
        if (!subscribers.delete(subscriber)) return;
        if (subscribers.size === 0) close();
      };
    },
    end: endAll,
    subscriberCount: () => subscribers.size,
    pendingEvents: () => executor.pending(),
  };
}

function describeClose(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, reason } = error as { code: unknown; reason?: unknown };
    return `connection closed ${String(code)}${reason ? `: ${String(reason)}` : ''}`;
  }
  return error instanceof Error ? error.message : 'connection failed';
}
