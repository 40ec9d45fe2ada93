import { Counter, type Registry } from 'prom-client';
import { metricOnce } from '../metrics/index.ts';

/** How a delivery to a webhook route ended: the `outcome` label of `ionflux_webhooks_received_total`. */
export type WebhookReceipt = 'stored' | 'duplicate' | 'refused' | 'invalid' | 'unavailable';

/** Counts deliveries by provider and outcome (no topic or shop label: the values are the sender's). */
export function createWebhookMetrics(registry: Registry): {
  received(provider: string, outcome: WebhookReceipt): void;
} {
  const received = metricOnce(
    registry,
    'ionflux_webhooks_received_total',
    (registers) =>
      new Counter({
        name: 'ionflux_webhooks_received_total',
        help: 'Webhook deliveries received, by provider and outcome (stored, duplicate, refused, invalid, unavailable)',
        labelNames: ['provider', 'outcome'] as const,
        registers,
      }),
  );
  return { received: (provider, outcome) => received.inc({ provider, outcome }) };
}
