import { Counter, Gauge, type Registry } from 'prom-client';
import type { DropReason } from './shared-subscription.ts';
import type { SubscriptionEngineStats } from './subscription-engine.ts';

const gauges: readonly [keyof SubscriptionEngineStats, string, string][] = [
  ['subscribers', 'ionflux_subscriptions_open', 'Client subscriptions open on this gateway'],
  [
    'upstreamSubscriptions',
    'ionflux_subscriptions_upstream',
    'Upstream subscriptions to subgraphs (shared ones once)',
  ],
  [
    'upstreamConnections',
    'ionflux_subscriptions_upstream_connections',
    'graphql-ws connections to subgraphs',
  ],
  [
    'queuedResults',
    'ionflux_subscriptions_queued_results',
    'Results queued for clients that have not read them',
  ],
  ['pendingEvents', 'ionflux_subscriptions_pending_events', 'Subgraph events received and not yet delivered'],
];

/** Gauges read from the engine at scrape time, so `/metrics` shows subscriptions without per-event cost. */
export function registerSubscriptionMetrics(registry: Registry, stats: () => SubscriptionEngineStats): void {
  for (const [field, name, help] of gauges) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(stats()[field]);
      },
    });
  }
}

/** `ionflux_subscriptions_dropped_events_total{reason}`: events a client did not get, and why. */
export function subscriptionDropCounter(registry: Registry): (reason: DropReason) => void {
  const dropped = new Counter({
    name: 'ionflux_subscriptions_dropped_events_total',
    help: 'Subscription events not delivered: to a client too slow to read them (its subscription ends), or to every subscriber when events outran the gateway',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  return (reason) => dropped.inc({ reason });
}
