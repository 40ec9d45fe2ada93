import { integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { integrationConnections } from '../kit/connections.ts';
import { shopify } from './shopify-schema.ts';

/** Where a resumable sync run is: the step, and the bulk operation or page it had reached. */
export interface SyncCheckpoint {
  /** The step being worked on. */
  step: 'shop' | 'products' | 'orders';
  method: 'bulk' | 'pages';
  /** `updated_at:>=` filter of this run (absent on a first backfill). */
  since: string | null;
  /** The bulk operation being waited for or read. */
  bulkOperationId?: string;
  /** JSONL lines of that operation already applied. */
  linesApplied?: number;
  /** The cursor after the last page applied. */
  cursor?: string | null;
}

/**
 * A connection's sync bookkeeping (its public status and `last_synced_at` are on the kit's connection
 * row): how far orders and products are known to be mirrored, and the checkpoint a run resumes from
 * after a crash.
 */
export const syncStates = shopify.table('sync_states', {
  connectionId: uuid('connection_id')
    .primaryKey()
    .references(() => integrationConnections.id, { onDelete: 'cascade' }),
  /** Everything updated before this was mirrored by the last completed run. */
  syncedUntil: timestamp('synced_until', { withTimezone: true }),
  /** When the run in progress started (its `synced_until` once it completes). */
  runStartedAt: timestamp('run_started_at', { withTimezone: true }),
  checkpoint: jsonb('checkpoint').$type<SyncCheckpoint>(),
  runs: integer('runs').notNull().default(0),
  lastError: text('last_error'),
  /** When the store's webhook subscriptions were last checked complete. */
  webhooksVerifiedAt: timestamp('webhooks_verified_at', { withTimezone: true }),
  /** Topics found missing at the last check (re-created then). */
  webhooksMissing: text('webhooks_missing').array(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type SyncStateRow = typeof syncStates.$inferSelect;
