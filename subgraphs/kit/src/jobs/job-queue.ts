import type postgres from 'postgres';

/** A postgres.js handle a job can be enqueued through: a pool, or the transaction of the caller. */
export type Queryable = postgres.Sql | postgres.TransactionSql;

export interface EnqueueOptions {
  /**
   * At most one pending job per key: enqueueing again under the key replaces the pending job (payload,
   * run time, attempts reset) instead of adding a second one. A job already running keeps running and
   * the replacement runs after it.
   */
  jobKey?: string;
  /** @default now */
  runAt?: Date;
  /**
   * Jobs sharing a queue name run one at a time, in order, across every worker (graphile-worker's named
   * queues): e.g. one queue per account for work that must not overlap. @default none (run in parallel)
   */
  queueName?: string;
  /** @default 25 (the task's own `maxAttempts`, lower by default, applies when it is lower) */
  maxAttempts?: number;
  /**
   * Enqueue inside this transaction (postgres.js `TransactionSql`, or any `Sql`): the job exists if and
   * only if the transaction commits, and workers see it only after the commit.
   */
  tx?: Queryable;
}

/** Adds jobs to the Postgres job queue that {@link startJobWorker} workers take from. */
export interface JobQueue {
  /** Enqueues `task` with a JSON `payload`; resolves with the queue's id of the job. */
  enqueue(task: string, payload: unknown, options?: EnqueueOptions): Promise<{ jobId: string }>;
}
