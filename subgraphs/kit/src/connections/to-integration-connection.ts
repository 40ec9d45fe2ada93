import type { IntegrationConnectionRow } from '@ionflux/drizzle/kit';

/** The GraphQL `IntegrationConnection` shape (schema/connections.graphql) of a connection row. */
export interface IntegrationConnectionView {
  id: string;
  provider: 'SHOPIFY' | 'TIKTOK';
  ownerType: 'BRAND' | 'CREATOR';
  ownerId: string;
  accountId: string;
  displayName: string | null;
  status: IntegrationConnectionRow['status'];
  scopes: string[];
  health: IntegrationConnectionRow['health'];
  healthReason: string | null;
  lastSyncedAt: Date | null;
  connectedAt: Date | null;
}

export function toIntegrationConnection(row: IntegrationConnectionRow): IntegrationConnectionView {
  return {
    id: row.id,
    provider: row.provider === 'shopify' ? 'SHOPIFY' : 'TIKTOK',
    ownerType: row.ownerType === 'brand' ? 'BRAND' : 'CREATOR',
    ownerId: row.ownerId,
    accountId: row.accountId,
    displayName: row.displayName,
    status: row.status,
    scopes: row.scopes,
    health: row.health,
    healthReason: row.healthReason,
    lastSyncedAt: row.lastSyncedAt,
    connectedAt: row.connectedAt,
  };
}

/** Maps the GraphQL `IntegrationProvider` enum to the stored provider. */
export function providerFromGraphQL(value: 'SHOPIFY' | 'TIKTOK'): IntegrationConnectionRow['provider'] {
  return value === 'SHOPIFY' ? 'shopify' : 'tiktok';
}
