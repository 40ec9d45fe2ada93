// A job worker in a process of its own, for the crash-recovery test: `node blocking-worker-process.ts
// <database-url> <task>`. Its task announces each job on stdout as a JSON line, then never finishes,
// so the test can SIGKILL the process mid-job.

import { startJobWorker } from '@ionflux/kit/jobs';
import { createLogger } from '@ionflux/kit/logging';

const [databaseUrl, task] = process.argv.slice(2);
if (!databaseUrl || !task) {
  console.error('usage: blocking-worker-process.ts <database-url> <task>');
  process.exit(2);
}
await startJobWorker({
  databaseUrl,
  logger: createLogger({ service: 'blocking-worker', level: 'silent' }),
  tasks: [
    {
      name: task,
      async handler(_payload, { jobId, attempt }) {
        process.stdout.write(`${JSON.stringify({ started: jobId, attempt })}\n`);
        await new Promise(() => {});
      },
    },
  ],
  pollIntervalMs: 100,
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
