import type { WebhookVerification } from './webhook-source.ts';

/**
 * Parses a delivery's body once its signature has been checked; a body that is not a JSON object (or
 * array) is refused with `INVALID_REQUEST` (400), not 401, since the sender was authentic. A bare
 * `null` would otherwise reach the NOT NULL payload column and be answered 503 on every retry.
 */
export function parseWebhookJson(
  rawBody: Buffer,
): { ok: true; payload: unknown } | Extract<WebhookVerification, { ok: false }> {
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, reason: 'the body is not valid JSON', code: 'INVALID_REQUEST' };
  }
  if (typeof payload !== 'object' || payload === null)
    return { ok: false, reason: 'the body is not a JSON object', code: 'INVALID_REQUEST' };
  return { ok: true, payload };
}
