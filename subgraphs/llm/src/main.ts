import { runService } from '@ionflux/kit/server';
import { parseLlmConfig } from './config.ts';
import { startLlmSubgraph } from './start-llm-subgraph.ts';

await runService('llm subgraph', async () => {
  const subgraph = await startLlmSubgraph(parseLlmConfig(process.env));
  return { service: subgraph, logger: subgraph.logger };
});
