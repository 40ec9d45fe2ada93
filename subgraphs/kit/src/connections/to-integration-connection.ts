import type { IntegrationConnectionRow } from '@ionflux/drizzle/kit';
import { type ApiHealth, apiHealth } from '../health/api-health.ts';
import { graphqlProviderValue } from './integration-provider.ts';

/**
 * The GraphQL `IntegrationConnection` shape (schema/connections.graphql) of a connection row. `Provider`
 * is the subgraph's generated `IntegrationProvider` type: a stored id upper-cased is one of its values
 * (see `graphqlProviderValue`), which GraphQL checks again when it serialises the enum.
 */
export interface IntegrationConnectionView<Provider extends string = string> {
  id: string;
  provider: Provider;
  ownerType: 'BRAND' | 'CREATOR';
  ownerId: string;
  accountId: string;
  displayName: string | null;
  status: IntegrationConnectionRow['status'];
  scopes: string[];
  health: ApiHealth;
  healthReason: string | null;
  lastSuccessfulCallAt: Date | null;
  lastFailedCallAt: Date | null;
  recentCallCount: number;
  recentErrorRate: number | null;
  recentErrorCodes: string[];
  lastSyncedAt: Date | null;
  /** Null for integrations that keep no mirror of the account's data. */
  syncStatus: IntegrationConnectionRow['syncStatus'];
  syncErrorCode: string | null;
  connectedAt: Date | null;
}

export function toIntegrationConnection<Provider extends string = string>(
  row: IntegrationConnectionRow,
): IntegrationConnectionView<Provider> {
  return {
    id: row.id,
    provider: graphqlProviderValue(row.provider) as Provider,
    ownerType: row.ownerType === 'brand' ? 'BRAND' : 'CREATOR',
    ownerId: row.ownerId,
    accountId: row.accountId,
    displayName: row.displayName,
    status: row.status,
    scopes: row.scopes,
    health: apiHealth(row),
    healthReason: row.healthReason,
    lastSuccessfulCallAt: row.lastCallSucceededAt,
    lastFailedCallAt: row.lastCallFailedAt,
    recentCallCount: row.recentCalls,
    recentErrorRate: row.recentCalls > 0 ? row.recentFailures / row.recentCalls : null,
    recentErrorCodes: row.recentErrorCodes,
    lastSyncedAt: row.lastSyncedAt,
    syncStatus: row.syncStatus,
    syncErrorCode: row.syncErrorCode,
    connectedAt: row.connectedAt,
  };
}
