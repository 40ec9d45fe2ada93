import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RefreshChildConfig } from './refresh-child.ts';

const script = fileURLToPath(new URL('./refresh-child.ts', import.meta.url));

/**
 * Runs refresh-child.ts (the `example` provider's getAccessToken callers) as a separate Node process;
 * `go()` releases its callers, `result` has what they got.
 */
export async function spawnRefreshChild(config: RefreshChildConfig) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, OAUTH_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const first = await lines.next();
  if (first.value !== 'ready') {
    child.kill();
    throw new Error(`child did not start: ${stderr}`);
  }
  return {
    go: () => child.stdin.write('go\n'),
    result: (async () => {
      const line = await lines.next();
      const code = await exited;
      if (code !== 0) throw new Error(`child exited ${code}: ${stderr}`);
      return JSON.parse(String(line.value)) as ({ token: string } | { error: string })[];
    })(),
    kill: () => child.kill(),
  };
}
