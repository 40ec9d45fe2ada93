export type { TikTokConfig } from './config.ts';
export { parseTikTokConfig } from './config.ts';
export { startTikTokSubgraph } from './start-tiktok-subgraph.ts';
