export { resolveAiSummary } from './resolve-ai-summary.ts';
