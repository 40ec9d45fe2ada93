export type { ShopifyAppKeys } from './connect-shopify-store.ts';
export { connectShopifyStore, shopifyEnv } from './connect-shopify-store.ts';
export { approveTikTokLink, connectTikTokAccount } from './connect-tiktok-account.ts';
export type { FloodOrders, FloodReport } from './flood-worker.ts';
export { ledgerSettled } from './ledger-settled.ts';
export { publishTikTokUpload } from './publish-tiktok-upload.ts';
export { sendTikTokWebhook } from './send-tiktok-webhook.ts';
export type { LlmSystemUnderTest } from './start-llm-system.ts';
export { startLlmSystem } from './start-llm-system.ts';
export type { SystemUnderTest } from './start-system.ts';
export { startSystem } from './start-system.ts';

/** The flooding thread's script (`flood-worker.ts`), for `new Worker(floodWorkerUrl, { workerData })`. */
export const floodWorkerUrl: URL = new URL('./flood-worker.ts', import.meta.url);
