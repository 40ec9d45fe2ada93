import { Gauge, type Registry } from 'prom-client';
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
