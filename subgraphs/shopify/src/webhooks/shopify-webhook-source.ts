import { verifyHmacSha256Base64, type WebhookSource } from '@ionflux/kit/webhooks';
import { shopifyProvider } from '../registration.ts';
import { readShopifyBody } from './parse-shopify-json.ts';

/** The job task that applies stored Shopify deliveries. */
export const SHOPIFY_WEBHOOK_TASK = 'shopify.webhook.process';

/** How old a delivery may be. @default 172800000 (48 h: Shopify retries 4 h and deliveries can be a day late) */
export const DEFAULT_WEBHOOK_MAX_AGE_MS = 48 * 3600_000;

/** A `X-Shopify-Triggered-At` this far in the future is clock skew no sender has. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface ShopifyWebhookSourceOptions {
  /** `SHOPIFY_WEBHOOK_MAX_AGE_SECONDS` in ms. @default 172800000 */
  maxAgeMs?: number;
  /** @default () => new Date() */
  now?: () => Date;
}

/**
 * Shopify's webhooks: `X-Shopify-Hmac-Sha256` (base64 HMAC of the raw body with the app secret) is checked
 * first; `X-Shopify-Event-Id` (qualified by the topic) names the delivery when sent, else `X-Shopify-Webhook-Id`, `X-Shopify-Topic` and
 * `X-Shopify-Shop-Domain` say what and whom. The headers are not signed, so they are held to the signed
 * body: a shop the payload names (`myshopify_domain` of the shop resource in `app/uninstalled` and
 * `shop/update`, `shop_domain` of the compliance topics) must be the header's shop; `domain` is the
 * store's primary domain, often a custom one, and is not compared. `X-Shopify-Triggered-At`, when sent,
 * must parse and be within `maxAgeMs`. Each refusal is a 400 and stores nothing.
 */
export function createShopifyWebhookSource(
  apiSecret: string,
  options: ShopifyWebhookSourceOptions = {},
): WebhookSource {
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_WEBHOOK_MAX_AGE_MS;
  const now = options.now ?? (() => new Date());
  return {
    provider: shopifyProvider.id,
    processTask: SHOPIFY_WEBHOOK_TASK,
    verify(rawBody, headers) {
      if (!verifyHmacSha256Base64(rawBody, apiSecret, headers['x-shopify-hmac-sha256'])) {
        return { ok: false, reason: 'the X-Shopify-Hmac-Sha256 signature does not match the body' };
      }
      const deliveryId = headers['x-shopify-webhook-id'];
      const topic = headers['x-shopify-topic'];
      const shop = headers['x-shopify-shop-domain']?.trim().toLowerCase();
      if (!deliveryId || !topic || !shop) {
        return {
          ok: false,
          reason: 'X-Shopify-Webhook-Id, X-Shopify-Topic and X-Shopify-Shop-Domain are required',
          code: 'INVALID_REQUEST',
        };
      }
      const triggeredAt = headers['x-shopify-triggered-at'];
      if (triggeredAt !== undefined) {
        const age = now().getTime() - Date.parse(triggeredAt);
        if (Number.isNaN(age)) {
          return { ok: false, reason: 'X-Shopify-Triggered-At is not a timestamp', code: 'INVALID_REQUEST' };
        }
        if (age > maxAgeMs || age < -MAX_CLOCK_SKEW_MS) {
          return {
            ok: false,
            reason: `the delivery was triggered outside the accepted window (${Math.round(maxAgeMs / 3600_000)} h)`,
            code: 'INVALID_REQUEST',
          };
        }
      }
      const parsed = readShopifyBody(rawBody);
      if (!parsed.ok) return parsed;
      const named = shopNamedBy(parsed.body.payload);
      if (named !== undefined && named !== shop) {
        return {
          ok: false,
          reason: 'X-Shopify-Shop-Domain is not the shop the signed payload names',
          code: 'INVALID_REQUEST',
        };
      }
      // Shopify keeps X-Shopify-Event-Id across duplicate deliveries of one event (which get new webhook
      // ids) and X-Shopify-Webhook-Id across retries of one delivery: the event id, qualified by the
      // topic, recognises both; without it, the webhook id still recognises retries.
      const eventId = headers['x-shopify-event-id']?.trim();
      return {
        ok: true,
        deliveryId: eventId ? `${eventId}:${topic}` : deliveryId,
        topic,
        ...parsed.body,
        accountId: shop,
      };
    },
  };
}

/** The myshopify domain a payload names, lower case, or undefined when it names none. */
function shopNamedBy(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const record = payload as Record<string, unknown>;
  for (const field of ['myshopify_domain', 'shop_domain']) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') return value.trim().toLowerCase();
  }
  return undefined;
}
