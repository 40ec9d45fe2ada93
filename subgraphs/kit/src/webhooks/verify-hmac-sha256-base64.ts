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
  // The canonical base64 text is compared, not the decoded bytes: Node's decoder skips what is not
  // base64 and stops at padding, so `<valid>, <anything>` (a duplicated header joined by Node) would pass.
  const expected = Buffer.from(createHmac('sha256', secret).update(rawBody).digest('base64'));
  const given = Buffer.from(signature.trim());
  // Equal lengths are required by timingSafeEqual; the length of a SHA-256 digest is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
