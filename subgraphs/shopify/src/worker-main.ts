import { runService } from '@ionflux/kit/server';
import { parseShopifyWorkerConfig } from './config.ts';
import { startShopifyWorker } from './start-shopify-worker.ts';

await runService('shopify worker', async () => {
  const worker = await startShopifyWorker(parseShopifyWorkerConfig(process.env));
  return { service: worker, logger: worker.logger };
});
