// Child process of the subscriptions benchmark: the two test subgraphs (orders owns the subscription,
// catalog resolves `brandName` for each event) and the publisher, driven over IPC.

import { identityPublicKeyFor } from '@ionflux/kit/identity';
import {
  composeTestSupergraph,
  createMemoryFanout,
  startCatalogSubgraph,
  startOrdersSubgraph,
} from '@ionflux/testing/subscriptions';

export type SubgraphsRequest =
  | { kind: 'publish'; id: number; ratePerSecond: number; durationMs: number; brands: [string, string][] }
  | { kind: 'stop'; id: number };

const identityPublicKey = identityPublicKeyFor(process.env['BENCH_INTERNAL_SECRET'] ?? '');
const orders = await startOrdersSubgraph(identityPublicKey, createMemoryFanout());
const catalog = await startCatalogSubgraph(identityPublicKey);
process.send?.({
  kind: 'ready',
  supergraphSdl: composeTestSupergraph([orders, catalog]),
  subgraphUrls: { orders: orders.graphqlUrl, catalog: catalog.graphqlUrl },
});

/** Publishes at a steady rate, round-robin over (workspace, brand) pairs, in 10 ms ticks. */
async function publish(
  ratePerSecond: number,
  durationMs: number,
  brands: [string, string][],
): Promise<number> {
  const started = performance.now();
  let sent = 0;
  let next = 0;
  while (performance.now() - started < durationMs) {
    const due = Math.floor(((performance.now() - started) / 1000) * ratePerSecond);
    while (sent < due) {
      const [workspaceId, brandId] = brands[next++ % brands.length] as [string, string];
      void orders.publish(workspaceId, brandId);
      sent++;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return sent;
}

// Ends with the bench: when its IPC channel closes (the bench exited or was killed), so does this child.
process.on('disconnect', () => process.exit(0));
process.on('message', async (request: SubgraphsRequest) => {
  if (request.kind === 'publish') {
    const sent = await publish(request.ratePerSecond, request.durationMs, request.brands);
    process.send?.({ kind: 'published', id: request.id, sent, upstream: orders.subscriptions() });
  } else {
    await Promise.all([orders.close(), catalog.close()]);
    process.send?.({ kind: 'stopped', id: request.id });
    process.exit(0);
  }
});
