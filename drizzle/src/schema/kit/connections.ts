import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  type PgColumn,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
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
    /** When a provider call (API call or token refresh) through this connection last succeeded. */
    lastCallSucceededAt: timestamp('last_call_succeeded_at', { withTimezone: true }),
    /** When one last failed. */
    lastCallFailedAt: timestamp('last_call_failed_at', { withTimezone: true }),
    /** Calls within the health window when health was last evaluated, and how many of them failed. */
    recentCalls: integer('recent_calls').notNull().default(0),
    recentFailures: integer('recent_failures').notNull().default(0),
    /** ErrorCodes of the failed calls within the window, most frequent first (at most 5). */
    recentErrorCodes: text('recent_error_codes').array().notNull().default(sql`'{}'::text[]`),
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

/**
 * One provider call through a connection (an API call or a token refresh) and how it ended: what health
 * (spec 4.E) is derived from. Rows older than the health window are deleted when the connection is next
 * evaluated, so the table holds one window of calls per active connection.
 */
export const connectionCalls = kit.table(
  'connection_calls',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => integrationConnections.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    ok: boolean('ok').notNull(),
    /** The ErrorCode a failed call ended with; null when it succeeded. */
    code: text('code'),
    /** `api` or `refresh`. */
    kind: text('kind').notNull(),
  },
  (t) => [index('connection_calls_connection_at_idx').on(t.connectionId, t.at)],
);
