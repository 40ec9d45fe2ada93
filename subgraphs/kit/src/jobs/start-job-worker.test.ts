import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { listQueuedJobs, makeJobsDue, silentLogger } from '@ionflux/testing/jobs';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createJobQueue } from './create-job-queue.ts';
import type { JobQueue } from './job-queue.ts';
import { type JobWorker, type JobWorkerConfig, startJobWorker } from './start-job-worker.ts';
import type { TaskDefinition } from './task-definition.ts';

describe('startJobWorker', () => {
  let database: TestDatabase;
  let queue: JobQueue & { close(): Promise<void> };
  const workers: JobWorker[] = [];
  const start = async (config: Omit<JobWorkerConfig, 'databaseUrl' | 'logger'>) => {
    const worker = await startJobWorker({
      databaseUrl: database.url,
      logger: silentLogger(),
      pollIntervalMs: 100,
      ...config,
    });
    workers.push(worker);
    return worker;
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await createJobQueue({ databaseUrl: database.url, logger: silentLogger() });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });
  afterAll(async () => {
    await queue?.close();
    await database?.drop();
  });

  it('runs an enqueued job with its validated payload, then removes it from the queue', async () => {
    const seen: { payload: { n: number }; attempt: number; jobId: string }[] = [];
    const task: TaskDefinition<{ n: number }> = {
      name: 'worker-test.ok',
      payloadSchema: z.object({ n: z.number() }),
      async handler(payload, { attempt, jobId }) {
        seen.push({ payload, attempt, jobId });
      },
    };
    await start({ tasks: [task] });
    const { jobId } = await queue.enqueue('worker-test.ok', { n: 7 });
    await vi.waitFor(() => expect(seen).toEqual([{ payload: { n: 7 }, attempt: 1, jobId }]), 5000);
    await vi.waitFor(async () => expect(await listQueuedJobs(database.url, 'worker-test.ok')).toEqual([]));
  });

  it('retries a failing job with exponential backoff and gives up after the task’s maxAttempts', async () => {
    let runs = 0;
    await start({
      tasks: [
        {
          name: 'worker-test.failing',
          maxAttempts: 2,
          async handler() {
            runs += 1;
            throw new Error(`boom ${runs}`);
          },
        },
      ],
    });
    const enqueuedAt = Date.now();
    await queue.enqueue('worker-test.failing', {});
    await vi.waitFor(async () => {
      const [job] = await listQueuedJobs(database.url, 'worker-test.failing');
      expect(job).toMatchObject({
        attempts: 1,
        lockedBy: null,
        lastError: expect.stringContaining('boom 1'),
      });
      // graphile-worker's backoff after the first failure is e^1 ≈ 2.7 s.
      expect(job?.runAt.getTime()).toBeGreaterThan(enqueuedAt + 2000);
    }, 5000);
    await makeJobsDue(database.url, 'worker-test.failing');
    await vi.waitFor(async () => {
      const [job] = await listQueuedJobs(database.url, 'worker-test.failing');
      expect(job).toMatchObject({
        attempts: 2,
        maxAttempts: 2,
        lockedBy: null,
        lastError: expect.any(String),
      });
    }, 5000);
    await makeJobsDue(database.url, 'worker-test.failing');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(runs).toBe(2);
  });

  it('gives up a job whose payload fails the schema without retrying it', async () => {
    const handler = vi.fn(async () => {});
    await start({
      tasks: [{ name: 'worker-test.schema', payloadSchema: z.object({ n: z.number() }), handler }],
    });
    await queue.enqueue('worker-test.schema', { n: 'not a number' });
    await vi.waitFor(async () => {
      const [job] = await listQueuedJobs(database.url, 'worker-test.schema');
      expect(job).toMatchObject({
        attempts: 1,
        maxAttempts: 1,
        lastError: expect.stringContaining('invalid payload'),
      });
    }, 5000);
    expect(handler).not.toHaveBeenCalled();
  });

  it('runs a task on its cron schedule (a missed slot backfilled at start)', async () => {
    // Pretend the schedule has been known for five minutes, so the minute slots since then are due for
    // backfill now instead of at the next minute boundary.
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    await sql`
      insert into graphile_worker._private_known_crontabs (identifier, known_since)
      values ('worker-test.cron-every-minute', now() - interval '5 minutes')`;
    await sql.end();
    const ticks: unknown[] = [];
    await start({
      tasks: [
        {
          name: 'worker-test.tick',
          async handler(payload) {
            ticks.push(payload);
          },
        },
      ],
      cron: [
        {
          task: 'worker-test.tick',
          pattern: '* * * * *',
          identifier: 'worker-test.cron-every-minute',
          payload: { source: 'cron' },
          backfillPeriodMs: 90_000,
        },
      ],
    });
    await vi.waitFor(() => expect(ticks.length).toBeGreaterThanOrEqual(1), 5000);
    expect(ticks[0]).toMatchObject({ source: 'cron', _cron: { ts: expect.any(String), backfilled: true } });
  });

  it('refuses a cron entry for a task it does not run', async () => {
    await expect(
      start({ tasks: [], cron: [{ task: 'worker-test.unknown', pattern: '* * * * *' }] }),
    ).rejects.toThrow(/worker-test.unknown/);
  });

  it('stops gracefully and leaves nothing locked: a job finished during shutdown is run again, not stuck', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const started = Promise.withResolvers<void>();
    const slow: TaskDefinition<unknown> = {
      name: 'worker-test.slow',
      async handler() {
        runs += 1;
        started.resolve();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    const worker = await start({ tasks: [slow] });
    await queue.enqueue('worker-test.slow', {});
    await started.promise;
    const stopped = worker.stop();
    setTimeout(() => release(), 200);
    await stopped;
    // graphile-worker may drop the completion of a job that ends during shutdown; the worker then
    // releases the job rather than leave it locked for four hours, and it runs again (idempotent).
    for (const job of await listQueuedJobs(database.url, 'worker-test.slow')) expect(job.lockedBy).toBeNull();
    await start({
      tasks: [
        {
          ...slow,
          async handler() {
            runs += 1;
          },
        },
      ],
    });
    await vi.waitFor(
      async () => expect(await listQueuedJobs(database.url, 'worker-test.slow')).toEqual([]),
      5000,
    );
    expect(runs).toBeGreaterThanOrEqual(1);
  });
});
