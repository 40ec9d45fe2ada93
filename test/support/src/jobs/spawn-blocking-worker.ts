import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface BlockingWorkerProcess {
  child: ChildProcess;
  /** Resolves with the id of the first job the process has started (and is now stuck in). */
  jobStarted: Promise<{ jobId: string; attempt: number }>;
  /** SIGKILL, then wait until the process is gone. */
  kill(): Promise<void>;
}

const script = fileURLToPath(new URL('./blocking-worker-process.ts', import.meta.url));

/** Starts `blocking-worker-process.ts` in a child process; the caller must `kill()` it. */
export function spawnBlockingWorker(databaseUrl: string, task: string): BlockingWorkerProcess {
  const child = spawn(process.execPath, [script, databaseUrl, task], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const jobStarted = new Promise<{ jobId: string; attempt: number }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { started?: string; attempt?: number };
      if (message.started) resolve({ jobId: message.started, attempt: message.attempt ?? 0 });
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`blocking worker exited (${code ?? signal}) before starting a job: ${stderr}`)),
    );
  });
  jobStarted.catch(() => {});
  return {
    child,
    jobStarted,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
