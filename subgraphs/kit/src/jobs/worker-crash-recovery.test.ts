import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import {
  type BlockingWorkerProcess,
  listQueuedJobs,
  silentLogger,
  spawnBlockingWorker,
} from '@ionflux/testing/jobs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJobQueue } from './create-job-queue.ts';
import type { JobQueue } from './job-queue.ts';
import { type JobWorker, startJobWorker } from './start-job-worker.ts';

describe('a job whose worker is SIGKILLed mid-job', () => {
  let database: TestDatabase;
  let queue: JobQueue & { close(): Promise<void> };
  const children: BlockingWorkerProcess[] = [];
  const workers: JobWorker[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await createJobQueue({ databaseUrl: database.url, logger: silentLogger() });
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => child.kill()));
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });
  afterAll(async () => {
    await queue?.close();
    await database?.drop();
  });

  /** Enqueues a job, lets a child process take it, and SIGKILLs the child mid-job. */
  const killWorkerMidJob = async (task: string, beforeKill: () => Promise<void> = async () => {}) => {
    const { jobId } = await queue.enqueue(task, { order: 42 });
    const child = spawnBlockingWorker(database.url, task);
    children.push(child);
    const started = await child.jobStarted;
    expect(started).toEqual({ jobId, attempt: 1 });
    await beforeKill();
    await child.kill();
    // graphile-worker alone would leave this lock in place for four hours.
    const [job] = await listQueuedJobs(database.url, task);
    expect(job?.lockedBy).toMatch(/^pool-/);
    return jobId;
  };

  const runs = (task: string, ran: { jobId: string; attempt: number; payload: unknown }[]) => ({
    name: task,
    async handler(payload: unknown, { jobId, attempt }: { jobId: string; attempt: number }) {
      ran.push({ jobId, attempt, payload });
    },
  });

  it('runs again within seconds of a worker starting, and completes', { timeout: 70_000 }, async () => {
    const task = 'crash-test.at-boot';
    const jobId = await killWorkerMidJob(task);
    const ran: { jobId: string; attempt: number; payload: unknown }[] = [];
    const startedAt = performance.now();
    workers.push(
      await startJobWorker({
        databaseUrl: database.url,
        logger: silentLogger(),
        tasks: [runs(task, ran)],
        pollIntervalMs: 100,
      }),
    );
    await vi.waitFor(() => expect(ran).toHaveLength(1), { timeout: 60_000, interval: 50 });
    const seconds = (performance.now() - startedAt) / 1000;
    console.info(`SIGKILLed job ran again ${seconds.toFixed(2)} s after a new worker started`);
    expect(seconds).toBeLessThan(60);
    expect(ran).toEqual([{ jobId, attempt: 2, payload: { order: 42 } }]);
    await vi.waitFor(async () => expect(await listQueuedJobs(database.url, task)).toEqual([]));
  });

  it('is taken over by a worker already running, at its next recovery look', {
    timeout: 70_000,
  }, async () => {
    const task = 'crash-test.running';
    const ran: { jobId: string; attempt: number; payload: unknown }[] = [];
    const jobId = await killWorkerMidJob(task, async () => {
      workers.push(
        await startJobWorker({
          databaseUrl: database.url,
          logger: silentLogger(),
          tasks: [runs(task, ran)],
          pollIntervalMs: 100,
          recoveryIntervalMs: 1000,
        }),
      );
      // Its look at start found the child alive, so the job stays with the child.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ran).toEqual([]);
    });
    const killedAt = performance.now();
    await vi.waitFor(() => expect(ran).toHaveLength(1), { timeout: 60_000, interval: 50 });
    const seconds = (performance.now() - killedAt) / 1000;
    console.info(`SIGKILLed job ran again ${seconds.toFixed(2)} s after the kill, on a running worker`);
    expect(seconds).toBeLessThan(60);
    expect(ran).toEqual([{ jobId, attempt: 2, payload: { order: 42 } }]);
  });
});
