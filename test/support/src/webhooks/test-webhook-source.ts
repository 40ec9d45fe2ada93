import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookSource } from '@ionflux/kit/webhooks';
import { parseWebhookJson, verifyHmacSha256Base64 } from '@ionflux/kit/webhooks';

/** A source signed like Shopify's (base64 HMAC-SHA256 of the raw body), under `x-test-*` headers. */
export function createTestWebhookSource(
  secret: string,
  processTask = 'webhooks-test.process',
): WebhookSource {
  return {
    provider: 'test',
    processTask,
    verify(rawBody, headers) {
      if (!verifyHmacSha256Base64(rawBody, secret, headers['x-test-hmac-sha256'])) {
        return { ok: false, reason: 'the HMAC signature does not match the body' };
      }
      const deliveryId = headers['x-test-webhook-id'];
      const topic = headers['x-test-topic'];
      if (!deliveryId || !topic) {
        return {
          ok: false,
          reason: 'x-test-webhook-id and x-test-topic are required',
          code: 'INVALID_REQUEST',
        };
      }
      const parsed = parseWebhookJson(rawBody);
      if (!parsed.ok) return parsed;
      const accountId = headers['x-test-shop-domain'];
      return { ok: true, deliveryId, topic, payload: parsed.payload, ...(accountId ? { accountId } : {}) };
    },
  };
}

/** A delivery as the provider would send it: the body and its signed headers. */
export function signedDelivery(
  secret: string,
  body: string,
  options: { deliveryId?: string; topic?: string } = {},
): { body: string; headers: Record<string, string> } {
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-test-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
      'x-test-webhook-id': options.deliveryId ?? randomUUID(),
      'x-test-topic': options.topic ?? 'orders/create',
      'x-test-shop-domain': 'demo.myshopify.com',
    },
  };
}
