import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/orphan-service.ts', import.meta.url));

describe('runService', () => {
  it('ends when its parent is gone even though its stdout has no reader any more', async () => {
    const child = fork(fixture, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
    try {
      await new Promise<void>((resolve) => child.once('message', () => resolve()));
      // As when `npm start` is killed with SIGKILL: the output's reader and the IPC channel go at once.
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.disconnect();
      const outcome = await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000)),
      ]);
      expect(outcome).not.toBe('still running after 10 s');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 20_000);
});
