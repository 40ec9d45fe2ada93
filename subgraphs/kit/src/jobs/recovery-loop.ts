import type { Logger } from '../logging/index.ts';
import type { Queryable } from './job-queue.ts';
import { recoverDeadWorkerJobs } from './recover-dead-worker-jobs.ts';

/** Looks for jobs of dead workers now and then every `intervalMs`, until stopped. */
export async function startRecoveryLoop(
  sql: Queryable,
  logger: Logger,
  intervalMs: number,
): Promise<{ stop(): Promise<void> }> {
  const look = async () => {
    try {
      const recovered = await recoverDeadWorkerJobs(sql);
      if (recovered.jobs.length > 0) logger.warn(recovered, 'unlocked jobs of dead workers; they run again');
    } catch (error) {
      logger.warn({ err: error }, 'could not look for jobs of dead workers; will look again');
    }
  };
  let stopped = false;
  let current: Promise<void> = look();
  await current;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(() => {
      current = look().then(() => {
        if (!stopped) schedule();
      });
    }, intervalMs);
    // Never what keeps a process alive.
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
