export { type ClientTokenSource, createClientTokenSource } from './client-token.ts';
export { analyzeCreator, readHashtagTrends, readResearchVideos } from './resolve-research.ts';
