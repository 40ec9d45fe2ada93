import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves when `/readyz` answers 200; rejects if the process exits first or time runs out. */
  ready(readyUrl: string, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** The last lines the service wrote, for a failure report. */
  tail(): string;
}

/**
 * Runs one service (`node [nodeFlags] <entry>`) as a child process, its output appended to a log file.
 */
export function spawnService(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  nodeFlags: readonly string[] = [],
): ServiceProcess {
  const log: WriteStream = createWriteStream(logFile, { flags: 'a' });
  const recent: string[] = [];
  // The IPC channel carries no messages: it is a lifeline. When this process dies, even by SIGKILL, the
  // channel closes and the service stops itself (runService) instead of living on holding its port.
  const child = spawn(process.execPath, [...nodeFlags, entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    recent.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 20));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => log.end());

  return {
    name,
    child,
    async ready(readyUrl, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let gone = false;
      void exited.then(() => {
        gone = true;
      });
      while (Date.now() < deadline) {
        if (gone) throw new Error(`${name} exited during start:\n${recent.join('\n')}`);
        try {
          const response = await fetch(readyUrl, { signal: AbortSignal.timeout(1000) });
          await response.body?.cancel();
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${name} was not ready after ${timeoutMs / 1000} s:\n${recent.join('\n')}`);
    },
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    tail: () => recent.join('\n'),
  };
}
