import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';

/** The Ed25519 pair that signs (gateway) and verifies (subgraphs) the forwarded identity. */
export interface IdentityKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410): Node imports a private key from it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// Fixed, public labels: they only separate this use of the secret from any other.
const HKDF_SALT = 'ionflux/identity';
const HKDF_INFO = 'ed25519-seed/v1';

/**
 * The gateway's identity key, derived from `IONFLUX_INTERNAL_SECRET` (HKDF-SHA256 → Ed25519 seed): the
 * same secret gives the same key on every gateway instance, so the runtime contract stays one secret,
 * while subgraphs need only the public half and cannot sign.
 */
export function deriveIdentityKeyPair(internalSecret: string): IdentityKeyPair {
  const seed = Buffer.from(hkdfSync('sha256', internalSecret, HKDF_SALT, HKDF_INFO, 32));
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The public key as `IONFLUX_IDENTITY_PUBLIC_KEY` takes it: the raw 32 bytes, base64url. */
export function formatIdentityPublicKey(publicKey: KeyObject): string {
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('not an Ed25519 public key');
  return x;
}

/** `IONFLUX_IDENTITY_PUBLIC_KEY` for a given `IONFLUX_INTERNAL_SECRET` (what `npm run token -- --identity-public-key` prints). */
export function identityPublicKeyFor(internalSecret: string): string {
  return formatIdentityPublicKey(deriveIdentityKeyPair(internalSecret).publicKey);
}

export type IdentityKeyParse = { ok: true; key: KeyObject } | { ok: false; reason: string };

/** Reads one public key: base64url of the raw 32 bytes, or an SPKI PEM. Only Ed25519 is accepted. */
export function parseIdentityPublicKey(text: string): IdentityKeyParse {
  const trimmed = text.trim();
  // createPublicKey would take a private key too (and a subgraph must never hold one): refuse it.
  if (trimmed.startsWith('-----BEGIN') && !trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) {
    return { ok: false, reason: 'must be a public key (-----BEGIN PUBLIC KEY-----), never a private one' };
  }
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: rawBase64url(trimmed) }, format: 'jwk' });
  } catch {
    return { ok: false, reason: 'is neither base64url of 32 bytes nor a PEM public key' };
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    return { ok: false, reason: `must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'}` };
  }
  return { ok: true, key };
}

function rawBase64url(text: string): string {
  if (!/^[\w-]{43}$/.test(text) || Buffer.from(text, 'base64url').length !== 32) {
    throw new Error('not 32 bytes of base64url');
  }
  return text;
}

/**
 * A short, stable name of a public key (the `kid` of tokens it verifies), so a subgraph given several
 * keys during a rotation picks the right one without trying each.
 */
export function identityKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(Buffer.from(formatIdentityPublicKey(publicKey), 'base64url'))
    .digest('base64url')
    .slice(0, 16);
}
