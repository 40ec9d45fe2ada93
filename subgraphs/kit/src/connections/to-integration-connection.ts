import type { IntegrationConnectionRow } from '@ionflux/drizzle/kit';
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
  health: IntegrationConnectionRow['health'];
  healthReason: string | null;
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
    health: row.health,
    healthReason: row.healthReason,
    lastSyncedAt: row.lastSyncedAt,
    syncStatus: row.syncStatus,
    syncErrorCode: row.syncErrorCode,
    connectedAt: row.connectedAt,
  };
}
