import { parseWebhookJson, verifyHmacSha256Base64, type WebhookSource } from '@ionflux/kit/webhooks';

/** The job task that applies stored Shopify deliveries. */
export const SHOPIFY_WEBHOOK_TASK = 'shopify.webhook.process';

/**
 * Shopify's webhooks: `X-Shopify-Hmac-Sha256` (base64 HMAC of the raw body with the app secret) is checked
 * first; `X-Shopify-Webhook-Id` names the delivery (kept across Shopify's retries), `X-Shopify-Topic` and
 * `X-Shopify-Shop-Domain` say what and whom.
 */
export function createShopifyWebhookSource(apiSecret: string): WebhookSource {
  return {
    provider: 'shopify',
    processTask: SHOPIFY_WEBHOOK_TASK,
    verify(rawBody, headers) {
      if (!verifyHmacSha256Base64(rawBody, apiSecret, headers['x-shopify-hmac-sha256'])) {
        return { ok: false, reason: 'the X-Shopify-Hmac-Sha256 signature does not match the body' };
      }
      const deliveryId = headers['x-shopify-webhook-id'];
      const topic = headers['x-shopify-topic'];
      if (!deliveryId || !topic) {
        return {
          ok: false,
          reason: 'X-Shopify-Webhook-Id and X-Shopify-Topic are required',
          code: 'INVALID_REQUEST',
        };
      }
      const parsed = parseWebhookJson(rawBody);
      if (!parsed.ok) return parsed;
      const shop = headers['x-shopify-shop-domain']?.toLowerCase();
      return { ok: true, deliveryId, topic, payload: parsed.payload, ...(shop ? { accountId: shop } : {}) };
    },
  };
}
