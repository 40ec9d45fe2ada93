import type { Sql } from '@ionflux/kit/db';
import { type ErrorCode, IntegrationError } from '@ionflux/kit/errors';
import type { EventBus } from '@ionflux/kit/events';
import type { Logger } from '@ionflux/kit/logging';
import { type AdminApiDeps, shopQuery } from '../admin-api/index.ts';
import { applyShop } from '../mirror/index.ts';
import { bulkSync } from './bulk-sync.ts';
import { openConnectionSession } from './connection-session.ts';
import { loadSyncConnection, MIRRORED_STATUSES, stillMirrored } from './load-sync-connection.ts';
import type { SyncKind } from './mirror-bulk-queries.ts';
import { pageSync } from './page-sync.ts';
import { type SyncContext, type SyncSettings, SyncStopped } from './sync-context.ts';
import { beginOrResumeRun, saveCheckpoint } from './sync-state.ts';
import { markSyncCompleted, markSyncFailed, markSyncRunning } from './sync-status.ts';

export interface SyncDeps {
  sql: Sql;
  bus: EventBus;
  admin: AdminApiDeps;
  logger: Logger;
  settings: SyncSettings;
}

export type SyncResult = 'completed' | 'skipped' | 'failed-permanently';

/**
 * One run of a connection's sync (spec 2.2): the shop, then products, then orders, each read with a
 * bulk operation (pages when it fails), everything updated since the last completed run minus the
 * overlap (everything the first time: the backfill). The connection shows RUNNING, then IDLE with a new
 * `last_synced_at`, or FAILED with the error's code. A run interrupted by a crash resumes from its
 * checkpoint; a failure that may pass is thrown (the job retries), one that will not (the store's
 * authorization is gone) is recorded and not retried.
 */
export async function runConnectionSync(
  deps: SyncDeps,
  connectionId: string,
  signal?: AbortSignal,
): Promise<SyncResult> {
  const logger = deps.logger.child({ connectionId, component: 'shopify-sync' });
  const connection = await loadSyncConnection(deps.sql, connectionId);
  if (!connection || !MIRRORED_STATUSES.has(connection.status)) {
    logger.info({ status: connection?.status }, 'shopify sync skipped: the connection is not connected');
    return 'skipped';
  }
  await markSyncRunning(deps.sql, connectionId);
  const run = await beginOrResumeRun(deps.sql, connectionId, {
    overlapMs: deps.settings.overlapMs,
    useBulk: deps.settings.useBulk,
  });
  try {
    const session = await openConnectionSession(deps.admin, connection, signal);
    const context: SyncContext = {
      sql: deps.sql,
      bus: deps.bus,
      logger,
      session,
      target: connection,
      settings: deps.settings,
      checkpoint: run.checkpoint,
      raiseEvents: run.raiseEvents,
      ...(signal ? { signal } : {}),
    };
    logger.info({ checkpoint: run.checkpoint }, 'shopify sync running');
    if (context.checkpoint.step === 'shop') {
      const observedAt = new Date();
      const { shop } = await session.request(shopQuery, {});
      await deps.sql.begin(async (tx) => {
        if (!(await stillMirrored(tx, connectionId))) throw new SyncStopped();
        await applyShop(
          tx,
          connection,
          {
            shopGid: shop.id,
            name: shop.name,
            currency: shop.currencyCode,
            ianaTimezone: shop.ianaTimezone,
            plan: shop.plan.displayName,
            updatedAt: new Date(shop.updatedAt),
          },
          observedAt,
        );
        const next = { ...context.checkpoint, step: 'products' as const };
        await saveCheckpoint(tx, connectionId, next);
        context.checkpoint = next;
      });
    }
    if (context.checkpoint.step === 'products') {
      await syncStep(context, 'products');
      await moveTo(context, 'orders');
    }
    await syncStep(context, 'orders');
    await markSyncCompleted(deps.sql, connectionId);
    logger.info('shopify sync completed');
    return 'completed';
  } catch (error) {
    if (error instanceof SyncStopped) {
      logger.info('shopify sync stopped: the connection was disconnected');
      return 'skipped';
    }
    const code: ErrorCode = error instanceof IntegrationError ? error.code : 'INTERNAL';
    const message = error instanceof Error ? error.message : String(error);
    await markSyncFailed(deps.sql, connectionId, code, message);
    logger.warn({ err: error, code }, 'shopify sync failed');
    // A revoked authorization will not come back by retrying; the next sync after a reconnect runs.
    if (code === 'INTEGRATION_AUTH_INVALID' || code === 'INTEGRATION_NOT_CONNECTED')
      return 'failed-permanently';
    throw error;
  }
}

/** Reads one step, with a bulk operation unless the run already fell back to pages. */
async function syncStep(context: SyncContext, kind: SyncKind): Promise<void> {
  if (context.checkpoint.method === 'bulk') {
    const outcome = await bulkSync(context, kind);
    if (outcome.ok) return;
    context.logger.warn({ kind, reason: outcome.reason }, 'shopify bulk read failed; reading with pages');
    const { bulkOperationId: _id, linesApplied: _lines, ...rest } = context.checkpoint;
    context.checkpoint = { ...rest, method: 'pages', cursor: null };
    await saveCheckpoint(context.sql, context.target.connectionId, context.checkpoint);
  }
  await pageSync(context, kind);
}

async function moveTo(context: SyncContext, step: 'orders'): Promise<void> {
  const { bulkOperationId: _id, linesApplied: _lines, cursor: _cursor, ...rest } = context.checkpoint;
  // Each step starts over with the run's preferred method (a fallback of products does not bind orders).
  context.checkpoint = { ...rest, step, method: context.settings.useBulk ? 'bulk' : 'pages' };
  await saveCheckpoint(context.sql, context.target.connectionId, context.checkpoint);
}
