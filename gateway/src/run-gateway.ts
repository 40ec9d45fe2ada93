import cluster, { type Worker } from 'node:cluster';
import { createLogger, type Logger } from '@ionflux/kit/logging';
import { runService } from '@ionflux/kit/server';
import type { GatewayConfig } from './config.ts';
import { type StartGatewayOptions, startGateway } from './start-gateway.ts';

/** Worker restarts allowed per worker within a minute before the primary gives up. */
const RESTARTS_PER_WORKER_PER_MINUTE = 5;

/**
 * The gateway's process: with `GATEWAY_WORKERS` above 1, a primary that forks that many workers
 * (node:cluster), which share the listening ports (the primary hands connections out round-robin);
 * each worker is a whole gateway (its own plan cache, limits, subscriptions and upstream connections).
 * The primary restarts a worker that dies (at most five times per worker in a minute, then it stops
 * everything and exits 1), passes SIGTERM/SIGINT on and exits once every worker has drained, and stops
 * them when its own parent goes away. With 1 worker, the gateway runs in this process.
 */
export async function runGateway(config: GatewayConfig, options: StartGatewayOptions = {}): Promise<void> {
  if (config.GATEWAY_WORKERS > 1 && cluster.isPrimary) {
    runPrimary(config.GATEWAY_WORKERS, createLogger({ service: 'gateway', level: config.LOG_LEVEL }));
    return;
  }
  await runService('gateway', async () => {
    const gateway = await startGateway(config, options);
    return { service: gateway, logger: gateway.logger };
  });
}

function runPrimary(workers: number, logger: Logger): void {
  const restarts: number[] = [];
  let stopping = false;
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping gateway workers');
    for (const worker of alive()) worker.process.kill('SIGTERM');
    // Workers drain for at most 20 s (runService); past that, leave anyway.
    setTimeout(() => process.exit(code || 1), 25_000).unref();
    const exitWhenDone = () => {
      if (alive().length === 0) process.exit(code);
    };
    cluster.on('exit', exitWhenDone);
    exitWhenDone();
  };

  cluster.on('exit', (worker, exitCode, signal) => {
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while ((restarts[0] ?? now) < now - 60_000) restarts.shift();
    logger.error({ pid: worker.process.pid, exitCode, signal }, 'gateway worker exited; starting another');
    if (restarts.length > RESTARTS_PER_WORKER_PER_MINUTE * workers) {
      logger.error('gateway workers keep exiting; stopping');
      stop('workers keep exiting', 1);
      return;
    }
    cluster.fork();
  });
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  // Started with an IPC channel (npm start): when that parent is gone, so is the gateway.
  if (process.send) process.once('disconnect', () => stop('parent process gone', 0));
  for (let i = 0; i < workers; i++) cluster.fork();
  logger.info({ workers }, 'gateway workers started');
}
