export { estimatePromptTokens, estimateTokens } from './estimate-tokens.ts';
export type { QuotaRow } from './quota-store.ts';
export { getQuota, removeQuota, setQuota } from './quota-store.ts';
export type { Reservation, ReserveOutcome, SealedKeyRow } from './reserve-quota.ts';
export { reserveQuota, reserveQuotaAndReadKey, settleQuota } from './reserve-quota.ts';
