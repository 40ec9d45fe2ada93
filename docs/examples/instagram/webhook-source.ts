import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { parseWebhookJson, type WebhookSource } from '@ionflux/kit/webhooks';
import { instagramProvider } from './registration.ts';

/** Checks `X-Hub-Signature-256: sha256=<hex>`: the HMAC-SHA256 of the raw body under the app secret. */
export function verifyHubSignature(rawBody: Buffer, appSecret: string, header: string | undefined): boolean {
  const hex = /^sha256=([0-9a-f]{64})$/.exec(header?.trim() ?? '')?.[1];
  if (hex === undefined || appSecret.length === 0) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // Constant time: how long the comparison takes says nothing about where the first difference is.
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}

/**
 * Meta's webhooks (`{object, entry: [{id, time, changes: [{field, value}]}]}`) as a kit webhook source.
 * Meta sends no delivery id, so a delivery is identified by the SHA-256 of its signed body: a retry
 * resends the same body and is recognised as a duplicate.
 */
export function createInstagramWebhookSource(appSecret: string): WebhookSource {
  return {
    provider: instagramProvider.id,
    processTask: 'instagram.webhook.process',
    verify(rawBody, headers) {
      if (!verifyHubSignature(rawBody, appSecret, headers['x-hub-signature-256'])) {
        return { ok: false, reason: 'the X-Hub-Signature-256 is missing or wrong' };
      }
      const parsed = parseWebhookJson(rawBody);
      if (!parsed.ok) return parsed;
      const entry = (parsed.payload as { entry?: { id?: unknown; changes?: { field?: unknown }[] }[] })
        .entry?.[0];
      const field = entry?.changes?.[0]?.field;
      if (typeof field !== 'string' || field === '') {
        return { ok: false, reason: 'the delivery names no changed field', code: 'INVALID_REQUEST' };
      }
      return {
        ok: true,
        deliveryId: createHash('sha256').update(rawBody).digest('hex'),
        topic: field,
        ...(typeof entry?.id === 'string' ? { accountId: entry.id } : {}),
        payload: parsed.payload,
      };
    },
  };
}
