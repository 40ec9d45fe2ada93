// Child process of the shopify-events benchmark: one gateway process in front of the subgraphs.
import { Writable } from 'node:stream';
import { parseGatewayConfig, startGateway } from '@ionflux/gateway';

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const urls = JSON.parse(process.env['BENCH_SUBGRAPH_URLS'] ?? '{}') as Record<string, string>;
const gateway = await startGateway(
  parseGatewayConfig({
    ...process.env,
    PORT: '0',
    LLM_SUBGRAPH_URL: urls['llm'],
    SHOPIFY_SUBGRAPH_URL: urls['shopify'],
    TIKTOK_SUBGRAPH_URL: urls['tiktok'],
  }),
  { logDestination: discard() },
);
process.on('disconnect', () => process.exit(0));
process.on('message', async (request: { kind: string; id: number }) => {
  if (request.kind === 'stop') {
    await gateway.close();
    process.send?.({ kind: 'stopped', id: request.id });
    process.exit(0);
  }
});
process.send?.({ kind: 'ready', url: gateway.url });
