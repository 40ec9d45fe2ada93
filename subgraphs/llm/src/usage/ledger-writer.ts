import { setTimeout as delay } from 'node:timers/promises';
import type { Sql } from '@ionflux/kit/db';
import type { Logger } from '@ionflux/kit/logging';
import { Counter, type Registry } from 'prom-client';
import { closeInterruptedUsage } from './close-interrupted-usage.ts';
import { type FinishedUsage, finishUsage, type UsageOutcome } from './finish-usage.ts';

export interface LedgerWriterOptions {
  sql: Sql;
  logger: Logger;
  registry?: Registry;
  /** Waits between tries of a finish the database refused. @default [100, 500, 2_000, 5_000, 15_000] */
  retryDelaysMs?: readonly number[];
  /** How long finished rows wait to be written together; 0: at the end of the event-loop turn. @default 0 */
  flushAfterMs?: number;
  /** Most rows finished by one statement. @default 500 */
  maxBatch?: number;
  /** A row pending this long belongs to a dead process and is closed as `interrupted`. */
  staleAfterMs: number;
  /** How often this process looks for such rows (and once at start). */
  sweepEveryMs: number;
}

/** Finishes ledger rows off the response path, and closes rows whose process died mid-call. */
export interface LedgerWriter {
  /**
   * Writes how a call ended into its `pending` row in the background: the caller's answer does not
   * wait for it. The rows finished within `flushAfterMs` (or one turn of the event loop) go in one
   * statement, sent after the answers are written (each statement is a system call that wakes the
   * database's process). Retried while the database refuses; if every try fails the rows stay pending
   * and the sweep closes them at their worst case, so a call is never missing from the ledger.
   */
  finish(entryId: string, outcome: UsageOutcome): void;
  /** Resolves once every finish started so far is written or given up. */
  drain(): Promise<void>;
  /** Stops the sweep, cuts retry waits short and drains. */
  close(): Promise<void>;
}

export function createLedgerWriter(options: LedgerWriterOptions): LedgerWriter {
  const { sql, logger } = options;
  const retryDelaysMs = options.retryDelaysMs ?? [100, 500, 2_000, 5_000, 15_000];
  const maxBatch = options.maxBatch ?? 500;
  const inFlight = new Set<Promise<void>>();
  let queued: FinishedUsage[] = [];
  let unschedule: (() => void) | undefined;
  const closing = new AbortController();
  const failures = new Counter({
    name: 'ionflux_llm_ledger_finish_failures_total',
    help: 'Ledger rows whose finish was given up after every retry (left for the sweep to close)',
    registers: options.registry ? [options.registry] : [],
  });

  async function write(batch: readonly FinishedUsage[]): Promise<void> {
    const entryIds = batch.map(({ entryId }) => entryId);
    for (let attempt = 0; ; attempt++) {
      try {
        await finishUsage(sql, batch);
        return;
      } catch (error) {
        const wait = retryDelaysMs[attempt];
        if (wait === undefined) {
          failures.inc(batch.length);
          logger.error(
            { err: error, entryIds },
            'ledger rows could not be finished; they stay pending until the sweep closes them',
          );
          return;
        }
        logger.warn({ err: error, entryIds, retryInMs: wait }, 'ledger rows not finished yet; retrying');
        // On close the remaining tries go at once: a shutdown is not held for the whole backoff.
        await delay(wait, undefined, { signal: closing.signal }).catch(() => {});
      }
    }
  }

  async function sweep(): Promise<void> {
    try {
      const closed = await closeInterruptedUsage(sql, options.staleAfterMs);
      if (closed > 0)
        logger.warn({ closed }, 'closed ledger rows left pending by a process that died mid-call');
    } catch (error) {
      logger.warn({ err: error }, 'ledger sweep failed; it runs again later');
    }
  }

  let sweeping: Promise<void> = sweep();
  const timer = setInterval(() => {
    sweeping = sweep();
  }, options.sweepEveryMs);
  timer.unref();

  const track = (batch: readonly FinishedUsage[]) => {
    const pending = write(batch).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
  };
  const flush = () => {
    unschedule?.();
    unschedule = undefined;
    const batch = queued;
    queued = [];
    for (let start = 0; start < batch.length; start += maxBatch) track(batch.slice(start, start + maxBatch));
  };
  const drain = async () => {
    flush();
    while (inFlight.size > 0) await Promise.all(inFlight);
  };
  return {
    finish(entryId, outcome) {
      queued.push({ entryId, outcome });
      if (unschedule) return;
      if (options.flushAfterMs) {
        const timeout = setTimeout(flush, options.flushAfterMs);
        unschedule = () => clearTimeout(timeout);
      } else {
        const immediate = setImmediate(flush);
        unschedule = () => clearImmediate(immediate);
      }
    },
    drain,
    async close() {
      clearInterval(timer);
      closing.abort();
      await Promise.all([sweeping, drain()]);
    },
  };
}
