// Child process of the shopify-events benchmark: the three subgraphs on the bench database, as in
// production processes of their own (the Shopify one without its job worker: deliveries wait in the queue).
import { Writable } from 'node:stream';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { parseShopifyConfig, startShopifySubgraph } from '@ionflux/shopify';
import { parseTikTokConfig, startTikTokSubgraph } from '@ionflux/tiktok';

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const env = { ...process.env } as Record<string, string>;
const options = { logDestination: discard() };
const [llm, shopify, tiktok] = await Promise.all([
  startLlmSubgraph(parseLlmConfig({ ...env, LLM_SUBGRAPH_PORT: '0' }), options),
  startShopifySubgraph(parseShopifyConfig({ ...env, SHOPIFY_SUBGRAPH_PORT: '0' }), options),
  startTikTokSubgraph(parseTikTokConfig({ ...env, TIKTOK_SUBGRAPH_PORT: '0' }), options),
]);
process.on('disconnect', () => process.exit(0));
process.on('message', async (request: { kind: string; id: number }) => {
  if (request.kind === 'stop') {
    await Promise.all([llm.close(), shopify.close(), tiktok.close()]);
    process.send?.({ kind: 'stopped', id: request.id });
    process.exit(0);
  }
});
process.send?.({
  kind: 'ready',
  urls: { llm: llm.graphqlUrl, shopify: shopify.graphqlUrl, tiktok: tiktok.graphqlUrl },
  shopifyOrigin: shopify.url,
});
