import { type SQL, sql } from 'drizzle-orm';
import { check, index, type PgColumn, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { kit } from './kit-schema.ts';

/**
 * A provider id as its subgraph registers it (kit/connections `PROVIDER_ID_PATTERN`): text with a format
 * check rather than an enum, so a new integration needs no kit migration.
 */
export function providerIdFormat(column: PgColumn): SQL {
  return sql`${column} ~ '^[a-z][a-z0-9_]{0,31}$'`;
}
export const connectionOwnerType = kit.enum('connection_owner_type', ['brand', 'creator']);
export const connectionStatus = kit.enum('connection_status', [
  'PENDING',
  'CONNECTED',
  'NEEDS_REAUTH',
  'DISCONNECTED',
  'ERROR',
]);
export const connectionHealth = kit.enum('connection_health', ['UNKNOWN', 'HEALTHY', 'DEGRADED', 'FAILING']);
/** Where the synchronisation of a connection's data stands; null for integrations that keep no mirror. */
export const connectionSyncStatus = kit.enum('connection_sync_status', ['IDLE', 'RUNNING', 'FAILED']);

/**
 * One row per connected outside account (a store, a creator's account) of a workspace, whatever the
 * integration: the generic state the OAuth module, health checks and `integrationConnections` share.
 */
export const integrationConnections = kit.table(
  'integration_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    /** The provider id its subgraph registered. */
    provider: text('provider').notNull(),
    ownerType: connectionOwnerType('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** The provider's id of the account (a store's domain, an open_id). */
    accountId: text('account_id').notNull(),
    displayName: text('display_name'),
    status: connectionStatus('status').notNull().default('PENDING'),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    health: connectionHealth('health').notNull().default('UNKNOWN'),
    healthReason: text('health_reason'),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    /** Set by integrations that mirror the account's data; null for those that do not. */
    syncStatus: connectionSyncStatus('sync_status'),
    /** The ErrorCode of the last failed sync while `sync_status` is FAILED. */
    syncErrorCode: text('sync_error_code'),
    connectedAt: timestamp('connected_at', { withTimezone: true }),
    /** The user whose browser completed the latest authorization (the user who started that flow). */
    connectedBy: uuid('connected_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('integration_connections_account_unique').on(t.workspaceId, t.provider, t.accountId),
    index('integration_connections_workspace_idx').on(t.workspaceId, t.provider, t.ownerId),
    check('integration_connections_provider_format', providerIdFormat(t.provider)),
  ],
);

export type IntegrationConnectionRow = typeof integrationConnections.$inferSelect;
