import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Publishes `count` events from a separate Node process (`publish-in-child.ts`) and returns their ids.
 * `eventBusUrl` as `IONFLUX_EVENT_BUS` takes it; unset: Postgres.
 */
export function publishFromChildProcess(
  databaseUrl: string,
  topic: string,
  count: number,
  eventBusUrl?: string,
): Promise<number[]> {
  const script = path.join(import.meta.dirname, 'publish-in-child.ts');
  const args = [script, databaseUrl, topic, String(count), ...(eventBusUrl ? [eventBusUrl] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`publisher process timed out: ${stderr}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(stdout) as number[]);
      else reject(new Error(`publisher process exited with ${code}: ${stderr}`));
    });
  });
}
