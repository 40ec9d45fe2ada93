// TikTok developer webhooks (issue 15): `POST /webhooks/tiktok` verified by TikTok-Signature, stored once,
// applied by the job worker.
export {
  createTikTokWebhookSource,
  TIKTOK_WEBHOOK_MAX_AGE_MS,
  verifyTikTokSignature,
} from './tiktok-webhook-source.ts';
export { applyAuthorizationRemoved, tiktokWebhookTask } from './tiktok-webhook-task.ts';
