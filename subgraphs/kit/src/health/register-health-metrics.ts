import { Counter, Gauge, type Registry } from 'prom-client';
import type { Sql } from '../db/index.ts';
import type { Logger } from '../logging/index.ts';
import { metricOnce } from '../metrics/index.ts';
import { API_HEALTH_SQL } from './api-health.ts';

/**
 * `ionflux_integration_connections{provider, health}`: connections by provider and API health, read
 * from Postgres at scrape time (the same on every instance: aggregate with `max`); and
 * `ionflux_integration_health_transitions_total{provider, health}`, counted by the instance that
 * made the change. Returns the counter's increment for `createConnectionHealth`'s `onTransition`.
 */
export function registerHealthMetrics(
  registry: Registry,
  sql: Sql,
  logger: Logger,
): (provider: string, health: string) => void {
  metricOnce(
    registry,
    'ionflux_integration_connections',
    (registers) =>
      new Gauge({
        name: 'ionflux_integration_connections',
        help: 'Connections by provider and health (HEALTHY, DEGRADED, NEEDS_REAUTH, DISCONNECTED, UNKNOWN)',
        labelNames: ['provider', 'health'] as const,
        registers,
        async collect() {
          try {
            const rows = await sql<{ provider: string; health: string; count: number }[]>`
              select provider, ${sql.unsafe(API_HEALTH_SQL)} as health, count(*)::int as count
              from kit.integration_connections where status <> 'PENDING' group by 1, 2`;
            this.reset();
            for (const row of rows) this.set({ provider: row.provider, health: row.health }, row.count);
          } catch (error) {
            logger.warn({ err: error }, 'connection health metrics could not be read');
          }
        },
      }),
  );
  const transitions = metricOnce(
    registry,
    'ionflux_integration_health_transitions_total',
    (registers) =>
      new Counter({
        name: 'ionflux_integration_health_transitions_total',
        help: 'Connection health changes made by calls, by provider and the health entered (DEGRADED, HEALTHY)',
        labelNames: ['provider', 'health'] as const,
        registers,
      }),
  );
  return (provider, health) => transitions.inc({ provider, health });
}
