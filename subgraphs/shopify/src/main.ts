import { runService } from '@ionflux/kit/server';
import { parseShopifyConfig } from './config.ts';
import { startShopifySubgraph } from './start-shopify-subgraph.ts';

await runService('shopify subgraph', async () => {
  const subgraph = await startShopifySubgraph(parseShopifyConfig(process.env));
  return { service: subgraph, logger: subgraph.logger };
});
