import postgres from 'postgres';
import type { Logger } from '../logging/index.ts';
import { enqueueJob } from './enqueue-job.ts';
import type { JobQueue } from './job-queue.ts';
import { migrateJobSchema } from './migrate-job-schema.ts';

export interface JobQueueConfig {
  databaseUrl: string;
  logger: Logger;
  /** Connections for enqueues made outside a caller's transaction. @default 2 */
  maxConnections?: number;
}

/**
 * The producer side of the job queue. Installs the queue's schema (idempotent, safe when many
 * processes start at once), so a service can enqueue before any worker has ever run.
 */
export async function createJobQueue(config: JobQueueConfig): Promise<JobQueue & { close(): Promise<void> }> {
  await migrateJobSchema(config.databaseUrl, config.logger);
  const sql = postgres(config.databaseUrl, {
    max: config.maxConnections ?? 2,
    onnotice: () => {},
    connection: { application_name: 'ionflux-job-queue' },
  });
  return {
    enqueue(task, payload, options = {}) {
      const { tx, ...jobOptions } = options;
      return enqueueJob(tx ?? sql, task, payload, jobOptions);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
