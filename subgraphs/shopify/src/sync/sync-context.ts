import type { Sql } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import type { Logger } from '@ionflux/kit/logging';
import type { AdminSession } from '../admin-api/index.ts';
import type { MirrorTarget } from '../mirror/index.ts';
import type { SyncCheckpoint } from './sync-state.ts';

/** How a sync reads the store; from the config (`SHOPIFY_SYNC_*`, `SHOPIFY_BULK_*`). */
export interface SyncSettings {
  /** Use bulk operations (falling back to pages when one fails). @default true */
  useBulk: boolean;
  /** How often a running bulk operation is polled. @default 2000 */
  bulkPollMs: number;
  /** A bulk operation still running after this is abandoned for pages. @default 3600000 */
  bulkTimeoutMs: number;
  /** A reconciliation re-reads what changed since the last sync minus this. @default 3600000 */
  overlapMs: number;
  /** Records applied per transaction. @default 250 */
  batchSize: number;
}

/** What one run of a connection's sync works with. */
export interface SyncContext {
  sql: Sql;
  bus: EventBus;
  logger: Logger;
  session: AdminSession;
  target: MirrorTarget;
  settings: SyncSettings;
  /** The run's position; steps update it and save it with what they applied. */
  checkpoint: SyncCheckpoint;
  raiseEvents: boolean;
  signal?: AbortSignal;
}

/** The connection was disconnected while syncing: the run stops and writes nothing more. */
export class SyncStopped extends Error {
  constructor() {
    super('the connection is no longer connected');
    this.name = 'SyncStopped';
  }
}
