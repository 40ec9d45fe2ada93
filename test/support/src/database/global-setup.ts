import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningPostgres, startEmbeddedPostgres } from '@ionflux/kit/embedded-postgres';
import type { TestProject } from 'vitest/node';
import { watchPostmaster } from './watch-postmaster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the Postgres this run uses; each test file makes a database of its own on it. */
    postgresAdminUrl: string;
    postgresKind: 'embedded' | 'external';
  }
}

/**
 * One Postgres for the whole run: the server `DATABASE_URL` names when set (CI also runs the suite
 * against Debian's PostgreSQL), otherwise an embedded PostgreSQL in a fresh temporary directory.
 */
export default async function setup(project: TestProject) {
  const external = process.env['DATABASE_URL'];
  if (external) {
    project.provide('postgresAdminUrl', external);
    project.provide('postgresKind', 'external');
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ionflux-test-pg-'));
  const postgres: RunningPostgres = await startEmbeddedPostgres({ dataDir });
  const watchdog = watchPostmaster({ ownerPid: process.pid, postmasterPid: postgres.pid, dataDir });
  project.provide('postgresAdminUrl', postgres.url);
  project.provide('postgresKind', 'embedded');
  return async () => {
    watchdog.stop();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
