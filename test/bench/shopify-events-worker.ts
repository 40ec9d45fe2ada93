// Child process of the shopify-events benchmark: the Shopify job worker as its own process
// (`npm run worker -w subgraphs/shopify`), which works off the deliveries the burst left in the queue.
import { Writable } from 'node:stream';
import { parseShopifyWorkerConfig, startShopifyWorker } from '@ionflux/shopify';

const worker = await startShopifyWorker(parseShopifyWorkerConfig(process.env), {
  logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }),
});
process.on('disconnect', () => process.exit(0));
process.on('message', async (request: { kind: string; id: number }) => {
  if (request.kind === 'stop') {
    await worker.close();
    process.send?.({ kind: 'stopped', id: request.id });
    process.exit(0);
  }
});
process.send?.({ kind: 'ready' });
