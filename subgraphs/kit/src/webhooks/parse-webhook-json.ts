import { INVALID_JSON_MESSAGE } from './stored-payload-json.ts';
import type { WebhookVerification } from './webhook-source.ts';

/**
 * Parses a delivery's body once its signature has been checked; a body that is not a JSON object (or
 * array) is refused with `INVALID_REQUEST` (400), not 401, since the sender was authentic. A bare
 * `null` would otherwise reach the NOT NULL payload column and be answered 503 on every retry. The
 * body's text comes back too, for {@link WebhookVerification}'s `payloadText`.
 */
export function parseWebhookJson(
  rawBody: Buffer,
): { ok: true; payload: unknown; text: string } | Extract<WebhookVerification, { ok: false }> {
  let payload: unknown;
  const text = rawBody.toString('utf8');
  try {
    payload = JSON.parse(text);
  } catch {
    return { ok: false, reason: INVALID_JSON_MESSAGE, code: 'INVALID_REQUEST' };
  }
  if (typeof payload !== 'object' || payload === null)
    return { ok: false, reason: 'the body is not a JSON object', code: 'INVALID_REQUEST' };
  return { ok: true, payload, text };
}
