import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../server/free-port.ts';
import { importEmbeddedPostgres } from './import-embedded-postgres.ts';

export interface EmbeddedPostgresOptions {
  /** The cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** @default a free port */
  port?: number;
  /** Receives PostgreSQL's own log lines. @default discard */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  /** The postmaster's process id. */
  pid: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries: what runs when `DATABASE_URL` is unset.
 * As root, initdb and postgres run as the `postgres` user, so the data directory's parent is made
 * writable for it. A failed start reports the reason PostgreSQL logged (the library itself rejects with
 * `undefined`).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  if (process.getuid?.() === 0) await chmod(options.dataDir, 0o777);
  const ownerFile = path.join(options.dataDir, 'postgres-owner.pid');
  await stopOrphanedPostmaster(databaseDir, ownerFile);

  const port = options.port ?? (await freePort());
  const recent: string[] = [];
  const onLog = (message: unknown) => {
    const line = String(message).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 30) recent.shift();
    options.onLog?.(line);
  };
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog,
    onError: onLog,
  });

  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (error) {
    const reason = recent.filter((l) => /FATAL|ERROR|could not|already exists|denied/i.test(l)).join('\n');
    throw new Error(
      `embedded PostgreSQL did not start in ${databaseDir}: ${reason || (error instanceof Error ? error.message : 'no reason logged')}`,
      { cause: error },
    );
  }
  await writeFile(ownerFile, String(process.pid));
  const pid = await readPid(path.join(databaseDir, 'postmaster.pid'));
  if (pid === undefined)
    throw new Error(`embedded PostgreSQL in ${databaseDir} started without a postmaster.pid`);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    pid,
    stop: () => pg.stop(),
  };
}

/**
 * A parent killed with SIGKILL leaves its postmaster running, which blocks the next start ("lock file
 * postmaster.pid already exists"). The owner file names the process that started it: if that process
 * is gone, the postmaster is an orphan and is stopped cleanly (SIGINT is PostgreSQL's fast shutdown); if
 * it is alive, the directory is in use and we say by whom instead of failing obscurely.
 */
async function stopOrphanedPostmaster(databaseDir: string, ownerFile: string): Promise<void> {
  const postmaster = await readPid(path.join(databaseDir, 'postmaster.pid'));
  if (postmaster === undefined || !isAlive(postmaster)) return;
  const owner = await readPid(ownerFile);
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `the PostgreSQL data directory ${databaseDir} is in use by a running PostgreSQL (pid ${postmaster}) ` +
        `started by process ${owner}; stop that process first, or use another data directory`,
    );
  }
  process.kill(postmaster, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isAlive(postmaster) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(postmaster))
    throw new Error(`an orphaned PostgreSQL (pid ${postmaster}) on ${databaseDir} did not stop`);
}

/** A pid file's first line (postmaster.pid's is the postmaster's pid). */
async function readPid(file: string): Promise<number | undefined> {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
