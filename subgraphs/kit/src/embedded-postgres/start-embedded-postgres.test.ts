import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startEmbeddedPostgres } from './start-embedded-postgres.ts';

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 5 });
  try {
    const [row] = await sql`select 1 as one`;
    return row?.['one'] === 1;
  } finally {
    await sql.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ionflux-embedded-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('initialises a real PostgreSQL on first start and reuses the data on the next', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await answers(first.url)).toBe(true);
      const sql = postgres(first.url, { max: 1 });
      await sql`create table kept (v int)`;
      await sql`insert into kept values (42)`;
      await sql.end();
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const sql = postgres(second.url, { max: 1 });
      expect(await sql`select v from kept`).toEqual([{ v: 42 }]);
      await sql.end();
    } finally {
      await second.stop();
    }
  });

  it('refuses a directory a live process runs PostgreSQL on, and recovers it once that owner is SIGKILLed', async () => {
    const owner = spawnOwner(dataDir);
    await owner.ready;
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      new RegExp(`in use by a running PostgreSQL \\(pid \\d+\\) started by process ${owner.child.pid}`),
    );

    owner.child.kill('SIGKILL');
    await owner.exited;
    const orphan = Number(
      readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    expect(() => process.kill(orphan, 0)).not.toThrow();
    const running: RunningPostgres = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await answers(running.url)).toBe(true);
      expect(() => process.kill(orphan, 0)).toThrow();
      // The new postmaster's pid, as its pid file says.
      expect(running.pid).toBe(
        Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]),
      );
      expect(() => process.kill(running.pid, 0)).not.toThrow();
    } finally {
      await running.stop();
    }
  });
});

/** Another process that starts PostgreSQL on `dataDir` and keeps it running. */
function spawnOwner(dataDir: string) {
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve(import.meta.dirname, 'start-embedded-postgres.ts'))};
    await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
    console.log('started');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve());
    child.once('exit', (code) => reject(new Error(`owner exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, ready, exited };
}
