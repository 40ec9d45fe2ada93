import { spawn } from 'node:child_process';

/**
 * The watchdog, run by `node --input-type=module -e`. Once a second: while the owner lives, it only
 * checks that the postmaster does (once it has stopped, the owner's teardown ran and the watchdog exits).
 * When the owner is gone, it stops the postmaster if it still runs (SIGINT, PostgreSQL's fast shutdown),
 * and once the postmaster is gone removes the data directory and exits.
 */
const WATCHDOG = `
import { rmSync } from 'node:fs';
const owner = Number(process.env.WATCH_OWNER_PID);
const postmaster = Number(process.env.WATCH_POSTMASTER_PID);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
let stopping = false;
const timer = setInterval(() => {
  if (alive(owner)) {
    if (!alive(postmaster)) clearInterval(timer);
    return;
  }
  if (alive(postmaster)) {
    if (!stopping) process.kill(postmaster, 'SIGINT');
    stopping = true;
    return;
  }
  clearInterval(timer);
  rmSync(process.env.WATCH_DATA_DIR, { recursive: true, force: true });
}, 1000);
`;

/**
 * Stops a test run's embedded PostgreSQL when the run's process is gone without its teardown (killed,
 * or forced out after a hanging test), and removes its temporary data directory: the postmaster, a child
 * of that process, would otherwise live on, orphaned to init (it ignores the SIGPIPE of its closed log
 * pipe). A detached watchdog process, out of the run's process group. It ends by itself once the
 * postmaster has stopped; `stop()` ends it at once.
 */
export function watchPostmaster(options: { ownerPid: number; postmasterPid: number; dataDir: string }): {
  pid: number;
  stop(): void;
} {
  const watchdog = spawn(process.execPath, ['--input-type=module', '-e', WATCHDOG], {
    detached: true,
    stdio: 'ignore',
    env: {
      WATCH_OWNER_PID: String(options.ownerPid),
      WATCH_POSTMASTER_PID: String(options.postmasterPid),
      WATCH_DATA_DIR: options.dataDir,
    },
  });
  watchdog.unref();
  return {
    pid: watchdog.pid ?? -1,
    stop: () => {
      if (watchdog.exitCode === null && watchdog.signalCode === null) watchdog.kill();
    },
  };
}
