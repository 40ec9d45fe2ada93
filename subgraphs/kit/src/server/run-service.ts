import { ConfigError } from '../config/index.ts';
import type { Logger } from '../logging/index.ts';

export interface RunningService {
  /** Stops taking requests, drains in-flight ones, closes the database. */
  close(): Promise<void>;
}

/**
 * The `main` of every IONFLUX process: starts the service, turns a bad configuration into a readable
 * list of problems, and shuts down gracefully on SIGTERM/SIGINT (a second signal forces the exit). A
 * service started with an IPC channel (as `npm start` starts them) also shuts down when that channel
 * closes: its parent is gone, even if it was killed with SIGKILL and could not say so.
 */
export async function runService(
  name: string,
  start: () => Promise<{ service: RunningService; logger: Logger }>,
): Promise<void> {
  // Listened for before starting, so a parent that dies while the service starts is not missed.
  let parentGone = false;
  let onParentGone = () => {
    parentGone = true;
  };
  if (process.send) process.once('disconnect', () => onParentGone());
  let started: { service: RunningService; logger: Logger };
  try {
    started = await start();
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { service, logger } = started;
  let stopping = false;
  let orphaned = false;
  const exit = (code: number) => {
    // With the parent gone, stdout and stderr have no reader: the logger's flush at exit (pino's
    // sonic-boom 4) retries a write failing with EPIPE forever, so the process would never end. Nothing
    // can read those lines any more: end without the flush.
    if (orphaned) process.kill(process.pid, 'SIGKILL');
    process.exit(code);
  };
  const stop = async (signal: string) => {
    if (stopping) exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took over 20 s; exiting anyway');
      exit(1);
    }, 20_000);
    force.unref();
    try {
      await service.close();
      logger.info('stopped');
      exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  onParentGone = () => {
    orphaned = true;
    if (!stopping) void stop('parent process gone');
  };
  if (parentGone) onParentGone();
}
