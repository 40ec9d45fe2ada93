import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export interface LockHolder {
  pid: number;
  gatewayUrl: string;
  startedAt: string;
}

export type LockResult = { ok: true; release(): void } | { ok: false; holder: LockHolder };

/**
 * One `npm start` per data directory: a lock file naming the running instance. A lock whose process is
 * gone (killed with SIGKILL, machine rebooted) is stale and taken over.
 */
export function acquireInstanceLock(file: string, holder: LockHolder): LockResult {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      return { ok: true, release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(file);
      if (current && isAlive(current.pid)) return { ok: false, holder: current };
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
