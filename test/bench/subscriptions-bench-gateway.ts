// Child process of the subscriptions benchmark: one gateway process, measured on its own (CPU, memory).
import { parseGatewayConfig, type RunningGateway, startGateway } from '@ionflux/gateway';

export type GatewayRequest =
  | {
      kind: 'start';
      id: number;
      supergraphSdl: string;
      subgraphUrls: Record<string, string>;
      shareScope: 'workspace' | 'user';
    }
  | { kind: 'measure'; id: number }
  | { kind: 'stop'; id: number };

let gateway: RunningGateway | undefined;

// Ends with the bench: when its IPC channel closes (the bench exited or was killed), so does this child.
process.on('disconnect', () => process.exit(0));
process.on('message', async (request: GatewayRequest) => {
  if (request.kind === 'start') {
    gateway = await startGateway(
      parseGatewayConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
        PORT: '0',
        IONFLUX_JWT_SECRET: process.env['BENCH_JWT_SECRET'],
        IONFLUX_INTERNAL_SECRET: process.env['BENCH_INTERNAL_SECRET'],
      }),
      {
        supergraphSdl: request.supergraphSdl,
        subgraphUrls: request.subgraphUrls,
        subscriptionLimits: { maxPerWorkspace: 100_000 },
        subscriptionShareScope: request.shareScope,
      },
    );
    process.send?.({ kind: 'started', id: request.id, url: gateway.url });
  } else if (request.kind === 'measure') {
    // Two collections: the first may only finish weak references and finalizers.
    globalThis.gc?.();
    globalThis.gc?.();
    const memory = process.memoryUsage();
    process.send?.({
      kind: 'measured',
      id: request.id,
      heapUsed: memory.heapUsed,
      rss: memory.rss,
      cpu: process.cpuUsage(),
      stats: gateway?.subscriptions.stats(),
    });
  } else {
    await gateway?.close();
    process.send?.({ kind: 'stopped', id: request.id });
    process.exit(0);
  }
});
process.send?.({ kind: 'ready' });
