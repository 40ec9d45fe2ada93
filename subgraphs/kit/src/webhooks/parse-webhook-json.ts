import type { WebhookVerification } from './webhook-source.ts';

/**
 * Parses a delivery's body once its signature has been checked; a body that is not JSON is refused
 * with `INVALID_REQUEST` (400), not 401, since the sender was authentic.
 */
export function parseWebhookJson(
  rawBody: Buffer,
): { ok: true; payload: unknown } | Extract<WebhookVerification, { ok: false }> {
  try {
    return { ok: true, payload: JSON.parse(rawBody.toString('utf8')) };
  } catch {
    return { ok: false, reason: 'the body is not valid JSON', code: 'INVALID_REQUEST' };
  }
}
