export { countStored } from './count-rows.ts';
export { createTestWebhookSource, signedDelivery } from './test-webhook-source.ts';
export type { WebhookTestServer } from './webhook-test-server.ts';
export { startWebhookTestServer } from './webhook-test-server.ts';
