// Helpers of the sandbox's own tests of its Shopify simulator.
export type { GraphqlResponse, ReceivedWebhook } from './shopify-test-helpers.ts';
export {
  ALL_READ_SCOPES,
  API_KEY,
  API_SECRET,
  API_VERSION,
  adminUrl,
  dataOf,
  errorsOf,
  FIXED_NOW,
  postGraphql,
  startReceiver,
  startTestSimulator,
  waitFor,
} from './shopify-test-helpers.ts';
