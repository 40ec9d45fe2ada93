import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Shopify's OAuth callback signature (reference/shopify.md §3): lowercase hex HMAC-SHA256, keyed with the
 * app secret, over every parameter but `hmac` and `signature`, keys sorted, form-encoded with `%20`.
 * Compared in constant time.
 */
export function verifyCallbackHmac(params: URLSearchParams, secret: string): boolean {
  const values = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === 'hmac' || key === 'signature') continue;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  const sorted = new URLSearchParams();
  for (const key of [...values.keys()].sort()) sorted.append(key, (values.get(key) ?? []).join(','));
  const message = sorted.toString().replace(/\+/g, '%20');
  const given = Buffer.from(params.get('hmac') ?? '', 'utf8');
  const expected = Buffer.from(createHmac('sha256', secret).update(message).digest('hex'), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
