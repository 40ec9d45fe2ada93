export type { QueuedJob } from './job-test-support.ts';
export { listQueuedJobs, makeJobsDue, silentLogger } from './job-test-support.ts';
export type { BlockingWorkerProcess } from './spawn-blocking-worker.ts';
export { spawnBlockingWorker } from './spawn-blocking-worker.ts';
