// Benchmarks run each service in a child process of their own, as in production, so that each one's CPU
// is its own and the clients' work in the bench process does not compete with it on one event loop.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/** A message from a child over IPC: replies carry the `id` of their request, the ready message none. */
export interface ChildMessage {
  kind: string;
  id?: number;
  [key: string]: unknown;
}

export interface BenchChild {
  process: ChildProcess;
  /** The child's first message without an `id`, posted once it is ready; rejects if it exits before. */
  ready: Promise<ChildMessage>;
  /** Sends `message` with a fresh `id`; resolves with the child's reply, rejects if the child exits first. */
  request(message: object): Promise<ChildMessage>;
  /** Ends the child: after `graceMs` for it to exit by itself, SIGTERM to its pid, SIGKILL if still alive after 5 s. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/**
 * Forks `file` (relative to this directory) with an IPC channel, its stdout and stderr inherited.
 * BENCH_PROFILE=1 writes a CPU profile of the child under bench-results/profiles when it exits, sampled
 * every BENCH_PROFILE_INTERVAL µs if set (V8's default is 1000).
 */
export function forkBenchChild(
  file: string,
  options: { args?: string[]; env?: Record<string, string>; execArgv?: string[] } = {},
): BenchChild {
  const proc = fork(path.join(import.meta.dirname, file), options.args ?? [], {
    execArgv: [
      ...(options.execArgv ?? []),
      ...(process.env['BENCH_PROFILE']
        ? [
            '--cpu-prof',
            ...(process.env['BENCH_PROFILE_INTERVAL']
              ? [`--cpu-prof-interval=${process.env['BENCH_PROFILE_INTERVAL']}`]
              : []),
            `--cpu-prof-dir=${path.resolve(import.meta.dirname, '../../bench-results/profiles')}`,
          ]
        : []),
    ],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const name = [file, ...(options.args ?? [])].join(' ');
  const pending = new Map<number, { resolve(reply: ChildMessage): void; reject(error: Error): void }>();
  let nextId = 1;
  let settleReady: { resolve(message: ChildMessage): void; reject(error: Error): void } | undefined;
  const ready = new Promise<ChildMessage>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  // Whoever awaits `ready` sees its rejection; an unawaited one must not end the bench on its own.
  ready.catch(() => {});
  const exited = new Promise<void>((resolve) => {
    proc.once('exit', (code, signal) => {
      const error = new Error(`bench child ${name} exited (${signal ?? `code ${code}`})`);
      settleReady?.reject(error);
      settleReady = undefined;
      for (const request of pending.values()) request.reject(error);
      pending.clear();
      resolve();
    });
  });
  proc.on('error', (error) => {
    settleReady?.reject(error);
    settleReady = undefined;
  });
  proc.on('message', (message: ChildMessage) => {
    if (message.id === undefined) {
      settleReady?.resolve(message);
      settleReady = undefined;
      return;
    }
    pending.get(message.id)?.resolve(message);
    pending.delete(message.id);
  });
  const alive = () => proc.exitCode === null && proc.signalCode === null;
  const exitedWithin = (ms: number) =>
    Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(resolve, ms, false).unref()),
    ]);
  return {
    process: proc,
    ready,
    request(message) {
      if (!alive() || !proc.connected) return Promise.reject(new Error(`bench child ${name} is not running`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        proc.send({ ...message, id });
      });
    },
    async stop({ graceMs = 0 } = {}) {
      if (!alive()) return;
      if (graceMs > 0 && (await exitedWithin(graceMs))) return;
      // By the pid forked here (not by name): the child closes its server and exits on SIGTERM.
      proc.kill('SIGTERM');
      if (!(await exitedWithin(5000))) {
        proc.kill('SIGKILL');
        await exited;
      }
    },
  };
}
