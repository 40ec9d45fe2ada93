import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { parseWebhookJson, type WebhookSource } from '@ionflux/kit/webhooks';
import { tiktokProvider } from '../registration.ts';

/** How far a delivery's signed `t` may be from now. @default 300000 ms (reference: "a few minutes") */
export const TIKTOK_WEBHOOK_MAX_AGE_MS = 5 * 60_000;

/** Checks `TikTok-Signature: t=…,s=…` (hex HMAC-SHA256 of `"{t}.{raw body}"` with the client secret). */
export function verifyTikTokSignature(
  rawBody: Buffer,
  clientSecret: string,
  header: string | undefined,
  nowMs: number,
  maxAgeMs = TIKTOK_WEBHOOK_MAX_AGE_MS,
): boolean {
  if (!header || clientSecret.length === 0) return false;
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = parts.get('t') ?? '';
  const s = parts.get('s') ?? '';
  if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/.test(s)) return false;
  if (Math.abs(nowMs - Number(t) * 1000) > maxAgeMs) return false;
  const expected = createHmac('sha256', clientSecret)
    .update(Buffer.concat([Buffer.from(`${t}.`), rawBody]))
    .digest();
  return timingSafeEqual(expected, Buffer.from(s, 'hex'));
}

/**
 * TikTok's developer webhooks as a kit webhook source. TikTok sends no delivery id, so a delivery is
 * identified by the SHA-256 of its signed body (a retry resends the same body: deduplicated).
 */
export function createTikTokWebhookSource(clientSecret: string, now: () => number = Date.now): WebhookSource {
  return {
    provider: tiktokProvider.id,
    processTask: 'tiktok.webhook.process',
    verify(rawBody, headers) {
      if (!verifyTikTokSignature(rawBody, clientSecret, headers['tiktok-signature'], now())) {
        return { ok: false, reason: 'the TikTok-Signature is missing, stale or wrong' };
      }
      const parsed = parseWebhookJson(rawBody);
      if (!parsed.ok) return parsed;
      const body = parsed.payload as { event?: unknown; user_openid?: unknown };
      if (typeof body.event !== 'string' || body.event === '') {
        return { ok: false, reason: 'the delivery names no event', code: 'INVALID_REQUEST' };
      }
      return {
        ok: true,
        deliveryId: createHash('sha256').update(rawBody).digest('hex'),
        topic: body.event,
        ...(typeof body.user_openid === 'string' ? { accountId: body.user_openid } : {}),
        payload: parsed.payload,
        payloadText: parsed.text,
      };
    },
  };
}
