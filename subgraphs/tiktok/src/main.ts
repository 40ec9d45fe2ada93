import { runService } from '@ionflux/kit/server';
import { parseTikTokConfig } from './config.ts';
import { startTikTokSubgraph } from './start-tiktok-subgraph.ts';

await runService('tiktok subgraph', async () => {
  const subgraph = await startTikTokSubgraph(parseTikTokConfig(process.env));
  return { service: subgraph, logger: subgraph.logger };
});
