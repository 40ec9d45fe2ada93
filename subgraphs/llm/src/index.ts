export type { LlmConfig } from './config.ts';
export { parseLlmConfig } from './config.ts';
export { startLlmSubgraph } from './start-llm-subgraph.ts';
