import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AdminBulkOperation,
  type AdminMirrorLineItem,
  type AdminMirrorOrder,
  type AdminMirrorProduct,
  type AdminMirrorVariant,
  bulkOperationQuery,
  bulkOperationRunQuery,
  currentBulkOperationQuery,
} from '../admin-api/index.ts';
import { orderFromAdmin, productFromAdmin } from '../mirror/index.ts';
import { applyBatch } from './apply-batch.ts';
import { bulkQueryFor, type SyncKind } from './mirror-bulk-queries.ts';
import { type BulkRecord, readBulkResult } from './read-bulk-result.ts';
import { refreshOrders } from './refresh-orders.ts';
import type { SyncContext } from './sync-context.ts';

/** Why a bulk read gave up; the step then reads with pages. */
export type BulkOutcome = { ok: true } | { ok: false; reason: string };

const ENDED = new Set(['COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED']);

/**
 * A step read with one bulk operation (reference/shopify.md §1): started (or, when one with the same
 * query is already running for the shop, e.g. for the same store in another workspace, adopted), polled
 * until it ends, and its JSONL read in batches, each applied with the count of lines it consumed. The
 * checkpoint names the operation, so a run resumed after a crash keeps waiting for it or reads on from
 * the line it reached.
 */
export async function bulkSync(context: SyncContext, kind: SyncKind): Promise<BulkOutcome> {
  const query = bulkQueryFor(kind, context.checkpoint.since);
  let operationId = context.checkpoint.bulkOperationId;
  if (!operationId) {
    const started = await startBulkOperation(context, query);
    if (!started.ok) return started;
    operationId = started.id;
    await applyBatch(
      context,
      { observedAt: new Date() },
      { ...context.checkpoint, bulkOperationId: operationId, linesApplied: 0 },
    );
  }
  const finished = await waitForOperation(context, operationId);
  if (!finished.ok) return finished;
  const { operation } = finished;
  if (!operation.url) return { ok: true };
  // Its data is from somewhere between its creation and its completion: the earliest is the safe claim.
  const observedAt = new Date(operation.createdAt);
  const orphans = new Set<string>();
  await readBulkResult(operation.url, {
    skipLines: context.checkpoint.linesApplied ?? 0,
    batchSize: context.settings.batchSize,
    ...(context.signal ? { signal: context.signal } : {}),
    onOrphan: (parentId) => orphans.add(parentId),
    onBatch: async (records, linesConsumed) => {
      const next = { ...context.checkpoint, linesApplied: linesConsumed };
      if (kind === 'orders') await applyBatch(context, { orders: records.map(toOrder), observedAt }, next);
      else await applyBatch(context, { products: records.map(toProduct), observedAt }, next);
    },
  });
  if (orphans.size > 0) {
    context.logger.warn(
      { count: orphans.size, kind },
      'bulk result lines came apart from their parent; re-reading those',
    );
    if (kind === 'orders') await refreshOrders(context, [...orphans]);
  }
  return { ok: true };
}

async function startBulkOperation(
  context: SyncContext,
  query: string,
): Promise<{ ok: true; id: string } | { ok: false; reason: string }> {
  for (let attempt = 1; ; attempt++) {
    const answer = await context.session.request(bulkOperationRunQuery, { query });
    const payload = answer.bulkOperationRunQuery;
    if (payload?.bulkOperation && payload.userErrors.length === 0)
      return { ok: true, id: payload.bulkOperation.id };
    const message = payload?.userErrors.map((error) => error.message).join('; ') ?? 'no result';
    if (!/already in progress/i.test(message) || attempt > 30) return { ok: false, reason: message };
    // One bulk query per app and shop at a time: join it if it reads the same, else wait for it to end.
    const { currentBulkOperation: running } = await context.session.request(currentBulkOperationQuery, {});
    if (running && !ENDED.has(running.status) && running.query.trim() === query.trim()) {
      return { ok: true, id: running.id };
    }
    await sleep(context.settings.bulkPollMs, undefined, context.signal ? { signal: context.signal } : {});
  }
}

async function waitForOperation(
  context: SyncContext,
  id: string,
): Promise<{ ok: true; operation: AdminBulkOperation } | { ok: false; reason: string }> {
  const deadline = Date.now() + context.settings.bulkTimeoutMs;
  for (;;) {
    const { node } = await context.session.request(bulkOperationQuery, { id });
    if (!node?.status) return { ok: false, reason: `bulk operation ${id} is unknown to the shop` };
    if (node.status === 'COMPLETED') return { ok: true, operation: node };
    if (ENDED.has(node.status)) {
      return {
        ok: false,
        reason: `bulk operation ${node.status.toLowerCase()} (${node.errorCode ?? 'no code'})`,
      };
    }
    if (Date.now() > deadline)
      return { ok: false, reason: `bulk operation still ${node.status} after the timeout` };
    await sleep(context.settings.bulkPollMs, undefined, context.signal ? { signal: context.signal } : {});
  }
}

function toOrder(record: BulkRecord) {
  return orderFromAdmin(
    record.node as unknown as AdminMirrorOrder,
    record.children as unknown as AdminMirrorLineItem[],
  );
}

function toProduct(record: BulkRecord) {
  return productFromAdmin(
    record.node as unknown as AdminMirrorProduct,
    record.children as unknown as AdminMirrorVariant[],
  );
}
