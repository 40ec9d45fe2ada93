// Helpers of the sandbox's own tests of its TikTok simulator.
export type { TokenResponse } from './tiktok-test-helpers.ts';
export {
  api,
  authorizeUrl,
  CLIENT,
  CLIENT_FORM,
  connect,
  exchangeCode,
  pkcePair,
  postForm,
  REDIRECT_URI,
} from './tiktok-test-helpers.ts';
