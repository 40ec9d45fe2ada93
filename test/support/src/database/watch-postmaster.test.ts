import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchPostmaster } from './watch-postmaster.ts';

const require = createRequire(import.meta.url);

// Stand-ins: the "owner" is a sleeping node process, the "postmaster" one that exits on SIGINT as
// PostgreSQL's fast shutdown does. Every process started here is ended by its pid.
const started: ChildProcess[] = [];
const sleeper = (code = '') => {
  const child = spawn(process.execPath, ['-e', `${code}; setInterval(() => {}, 1000)`], { stdio: 'ignore' });
  started.push(child);
  return child;
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (condition: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('watchPostmaster', () => {
  it('stops the postmaster and removes its data directory when the owner dies without its teardown', async () => {
    const owner = sleeper();
    const postmaster = sleeper("process.on('SIGINT', () => process.exit(0))");
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ionflux-watch-test-'));
    await writeFile(path.join(dataDir, 'PG_VERSION'), '18');
    // Ready once its SIGINT handler is installed.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const watchdog = watchPostmaster({
      ownerPid: owner.pid ?? -1,
      postmasterPid: postmaster.pid ?? -1,
      dataDir,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(alive(postmaster.pid ?? -1)).toBe(true);
    owner.kill('SIGKILL');
    await until(() => postmaster.exitCode !== null);
    expect(postmaster.exitCode).toBe(0);
    await until(() => !existsSync(dataDir));
    await until(() => !alive(watchdog.pid));
  });

  it('leaves a postmaster alone while its owner lives, and ends once it has stopped', async () => {
    const postmaster = sleeper();
    const watchdog = watchPostmaster({
      ownerPid: process.pid,
      postmasterPid: postmaster.pid ?? -1,
      dataDir: '/nonexistent',
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(alive(postmaster.pid ?? -1)).toBe(true);
    expect(alive(watchdog.pid)).toBe(true);
    postmaster.kill('SIGKILL');
    await until(() => !alive(watchdog.pid));
  });

  it.skipIf(process.env['DATABASE_URL'])(
    'leaves no PostgreSQL behind when a test run is killed with SIGKILL',
    async () => {
      const runs = async () =>
        new Set((await readdir(tmpdir())).filter((name) => name.startsWith('ionflux-test-pg-')));
      const before = await runs();
      const config = path.join(import.meta.dirname, 'fixtures', 'killed-run.config.ts');
      const run = spawn(
        process.execPath,
        [
          path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs'),
          'run',
          '--config',
          config,
        ],
        { stdio: 'ignore' },
      );
      started.push(run);
      let dataDir = '';
      let postmasterPid = 0;
      await until(() => {
        void runs().then(async (now) => {
          const fresh = [...now].find((name) => !before.has(name));
          if (!fresh) return;
          const pidFile = path.join(tmpdir(), fresh, 'postgres', 'postmaster.pid');
          const text = await readFile(pidFile, 'utf8').catch(() => '');
          const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
          if (pid > 0) {
            dataDir = path.join(tmpdir(), fresh);
            postmasterPid = pid;
          }
        });
        return postmasterPid > 0;
      }, 60_000);
      // The test is running once the worker's pool started: give the run a moment past the global setup.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      // The run's process alone, as an OOM kill or a forced exit ends it: its postmaster is orphaned.
      run.kill('SIGKILL');
      await until(() => !alive(postmasterPid), 20_000);
      await until(() => !existsSync(dataDir), 10_000);
    },
    90_000,
  );
});
