import { setTimeout as delay } from 'node:timers/promises';
import type { Sql } from '@ionflux/kit/db';
import type { Logger } from '@ionflux/kit/logging';
import { Counter, type Registry } from 'prom-client';
import { type BeganUsage, type BeginUsageInput, beginUsage } from './begin-usage.ts';
import { closeInterruptedUsage } from './close-interrupted-usage.ts';
import { type FinishedUsage, finishUsage, type UsageOutcome } from './finish-usage.ts';
import { type RefusedUsage, recordRefusal } from './record-refusal.ts';
import { createUsageMetrics } from './usage-metrics.ts';

// What callers of the writer read and pass; the statements themselves are imported by nothing else.
export type { BeganUsage, BeginUsageInput, ReserveOutcome, SealedKeyRow } from './begin-usage.ts';
export type { UsageOutcome } from './finish-usage.ts';
export type { RefusedUsage } from './record-refusal.ts';

export interface LedgerWriterOptions {
  /** The ledger's own pool (`synchronous_commit` off unless `LLM_LEDGER_SYNCHRONOUS_COMMIT`). */
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

/**
 * The one writer of the usage ledger (`llm.usage_ledger`): every row is written through it, on the
 * ledger's pool. A call's row is opened `pending` by the statement that reserves its quota and budget
 * ({@link LedgerWriter.open}) before the provider is called, finished after the answer
 * ({@link LedgerWriter.finish}); a request refused before it held anything gets a finished row
 * ({@link LedgerWriter.record}); rows left pending by a dead process are closed by the sweep this writer
 * runs at start and every `sweepEveryMs`.
 */
export interface LedgerWriter {
  /**
   * The opening statement of a provider call (one round trip): reads the workspace's key, reserves the
   * call's worst case against the workspace quota and (on IONFLUX's key) the platform budget, and writes
   * its `pending` row. Resolves once that row is committed; the call may only be sent after it.
   */
  open(input: BeginUsageInput): Promise<BeganUsage>;
  /**
   * Writes the finished row of a request refused before any provider call (bad input, the quota, the
   * budget, a model outside the catalog) with its error. Resolves once it is committed: the refusal is
   * in the ledger before the caller hears of it.
   */
  record(entry: RefusedUsage): Promise<void>;
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

  const usage = createUsageMetrics(options.registry);

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
    open: (input) => beginUsage(sql, input),
    record: (entry) => recordRefusal(sql, entry),
    finish(entryId, outcome) {
      usage.record(outcome);
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
