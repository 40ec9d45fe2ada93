import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { listQueuedJobs, silentLogger } from '@ionflux/testing/jobs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue } from './create-job-queue.ts';
import type { JobQueue } from './job-queue.ts';

describe('createJobQueue', () => {
  let database: TestDatabase;
  let queue: JobQueue & { close(): Promise<void> };
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await createJobQueue({ databaseUrl: database.url, logger: silentLogger() });
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await queue?.close();
    await database?.drop();
  });

  it('enqueues a job with its payload, run time and attempt limit', async () => {
    const runAt = new Date(Date.now() + 60_000);
    const { jobId } = await queue.enqueue('queue-test.plain', { a: 1 }, { runAt, maxAttempts: 3 });
    const [job] = await listQueuedJobs(database.url, 'queue-test.plain');
    expect(job).toMatchObject({ id: jobId, payload: { a: 1 }, maxAttempts: 3, attempts: 0, lockedBy: null });
    expect(job?.runAt.getTime()).toBe(runAt.getTime());
  });

  it('keeps one pending job per job key, the latest payload winning', async () => {
    const first = await queue.enqueue('queue-test.keyed', { v: 1 }, { jobKey: 'k-1' });
    const second = await queue.enqueue('queue-test.keyed', { v: 2 }, { jobKey: 'k-1' });
    expect(second.jobId).toBe(first.jobId);
    const jobs = await listQueuedJobs(database.url, 'queue-test.keyed');
    expect(jobs.map((job) => job.payload)).toEqual([{ v: 2 }]);
  });

  it('enqueues inside the caller’s transaction: the job exists only if it commits', async () => {
    await sql.begin(async (tx) => {
      await queue.enqueue('queue-test.tx', { outcome: 'committed' }, { tx });
    });
    await sql
      .begin(async (tx) => {
        await queue.enqueue('queue-test.tx', { outcome: 'rolled back' }, { tx });
        throw new Error('roll back');
      })
      .catch(() => {});
    const jobs = await listQueuedJobs(database.url, 'queue-test.tx');
    expect(jobs.map((job) => job.payload)).toEqual([{ outcome: 'committed' }]);
  });

  it('puts a job in a named queue, whose jobs graphile-worker runs one at a time', async () => {
    await queue.enqueue('queue-test.serial', { n: 1 }, { queueName: 'serial-1' });
    const [row] = await sql<{ queueName: string | null }[]>`
      select queue_name as "queueName" from graphile_worker.jobs where task_identifier = 'queue-test.serial'`;
    expect(row?.queueName).toBe('serial-1');
  });
});
