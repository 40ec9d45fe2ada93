import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * True when `signature` is the base64 HMAC-SHA256 of the raw body under `secret` (a common webhook
 * signature scheme). The comparison takes the same time wherever the first difference is, so
 * response timing reveals nothing about the expected value. A missing or malformed signature is false.
 */
export function verifyHmacSha256Base64(
  rawBody: Buffer,
  secret: string,
  signature: string | undefined,
): boolean {
  if (!signature || secret.length === 0) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim(), 'base64');
  // Equal lengths are required by timingSafeEqual; the length of a SHA-256 digest is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
