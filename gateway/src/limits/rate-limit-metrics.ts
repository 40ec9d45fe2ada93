import { Counter, type Registry } from 'prom-client';
import type { LimitReached } from './workspace-limiter.ts';

/** Counts refusals by limit and transport (no workspace label: its values would be unbounded). */
export function createRateLimitMetrics(registry: Registry) {
  const refused = new Counter({
    name: 'ionflux_gateway_rate_limited_total',
    help: 'Requests and subscription starts refused with RATE_LIMITED by the per-workspace limits, by limit and transport',
    labelNames: ['limit', 'transport'] as const,
    registers: [registry],
  });
  return {
    refused(limit: LimitReached, transport: 'http' | 'sse' | 'graphql-ws') {
      refused.inc({ limit, transport });
    },
  };
}
