// Child process of the shopify-events benchmark: subgraphs on the bench database, as in production
// processes of their own. `shopify` (argv[2]): the Shopify subgraph without its job worker (deliveries wait
// in the queue), the process under load; `others`: the LLM and TikTok subgraphs the gateway composes.
import { Writable } from 'node:stream';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { parseShopifyConfig, startShopifySubgraph } from '@ionflux/shopify';
import { parseTikTokConfig, startTikTokSubgraph } from '@ionflux/tiktok';

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const env = { ...process.env } as Record<string, string>;
const options = { logDestination: discard() };
const started =
  process.argv[2] === 'shopify'
    ? [
        [
          'shopify',
          await startShopifySubgraph(parseShopifyConfig({ ...env, SHOPIFY_SUBGRAPH_PORT: '0' }), options),
        ] as const,
      ]
    : await Promise.all([
        startLlmSubgraph(parseLlmConfig({ ...env, LLM_SUBGRAPH_PORT: '0' }), options).then(
          (s) => ['llm', s] as const,
        ),
        startTikTokSubgraph(parseTikTokConfig({ ...env, TIKTOK_SUBGRAPH_PORT: '0' }), options).then(
          (s) => ['tiktok', s] as const,
        ),
      ]);
process.on('disconnect', () => process.exit(0));
process.on('message', async (request: { kind: string; id: number }) => {
  if (request.kind === 'stop') {
    await Promise.all(started.map(([, subgraph]) => subgraph.close()));
    process.send?.({ kind: 'stopped', id: request.id });
    process.exit(0);
  }
});
process.send?.({
  kind: 'ready',
  urls: Object.fromEntries(started.map(([name, subgraph]) => [name, subgraph.graphqlUrl])),
  origins: Object.fromEntries(started.map(([name, subgraph]) => [name, subgraph.url])),
});
