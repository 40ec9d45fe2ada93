import type { IntegrationConnectionRow } from '@ionflux/drizzle/kit';

/** `IntegrationConnection.health` (schema/connections.graphql). */
export type ApiHealth = 'UNKNOWN' | 'HEALTHY' | 'DEGRADED' | 'FAILING' | 'NEEDS_REAUTH' | 'DISCONNECTED';

/**
 * A connection's health as the API shows it: a connection that needs re-authorization or is
 * disconnected says so (its calls cannot succeed, whatever they did before); otherwise the health its
 * calls earned (kit/health). The SQL twin is {@link API_HEALTH_SQL}.
 */
export function apiHealth(row: Pick<IntegrationConnectionRow, 'status' | 'health'>): ApiHealth {
  if (row.status === 'NEEDS_REAUTH') return 'NEEDS_REAUTH';
  if (row.status === 'DISCONNECTED') return 'DISCONNECTED';
  return row.health;
}

/** {@link apiHealth} in SQL over `kit.integration_connections` (columns `status`, `health`). */
export const API_HEALTH_SQL = `case status when 'NEEDS_REAUTH' then 'NEEDS_REAUTH' when 'DISCONNECTED'
  then 'DISCONNECTED' else health::text end`;
