export { estimatePromptTokens, estimateTokens } from './estimate-tokens.ts';
export type { QuotaRow } from './quota-store.ts';
export { getQuota, removeQuota, setQuota } from './quota-store.ts';
