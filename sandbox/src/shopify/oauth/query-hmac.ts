import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The string Shopify signs for an OAuth or install query: every parameter except `hmac` and `signature`,
 * repeated keys joined with `,`, keys sorted, form-encoded with `%20` for spaces, joined by `&`.
 */
export function queryMessage(params: URLSearchParams): string {
  const values = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === 'hmac' || key === 'signature') continue;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  const sorted = new URLSearchParams();
  for (const key of [...values.keys()].sort((a, b) => a.localeCompare(b))) {
    sorted.append(key, (values.get(key) ?? []).join(','));
  }
  return sorted.toString().replace(/\+/g, '%20');
}

/** Lowercase hex HMAC-SHA256 of the query message, as in Shopify's OAuth callback `hmac`. */
export function signQuery(params: URLSearchParams, secret: string): string {
  return createHmac('sha256', secret).update(queryMessage(params)).digest('hex');
}

export function verifyQuery(params: URLSearchParams, secret: string): boolean {
  const given = Buffer.from(params.get('hmac') ?? '', 'utf8');
  const expected = Buffer.from(signQuery(params, secret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
