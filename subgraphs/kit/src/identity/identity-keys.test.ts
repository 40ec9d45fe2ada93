import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deriveIdentityKeyPair,
  formatIdentityPublicKey,
  identityPublicKeyFor,
  parseIdentityPublicKey,
} from './identity-keys.ts';

describe('deriveIdentityKeyPair', () => {
  it('derives the same Ed25519 key from the same secret, and another from another', () => {
    const one = identityPublicKeyFor('a'.repeat(48));
    expect(identityPublicKeyFor('a'.repeat(48))).toBe(one);
    expect(identityPublicKeyFor('b'.repeat(48))).not.toBe(one);
    expect(deriveIdentityKeyPair('a'.repeat(48)).privateKey.asymmetricKeyType).toBe('ed25519');
    expect(one).toMatch(/^[\w-]{43}$/);
  });
});

describe('parseIdentityPublicKey', () => {
  const { publicKey } = deriveIdentityKeyPair('a'.repeat(48));

  it('reads the base64url form npm run token prints, and the PEM form', () => {
    const fromRaw = parseIdentityPublicKey(formatIdentityPublicKey(publicKey));
    const fromPem = parseIdentityPublicKey(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    for (const parsed of [fromRaw, fromPem]) {
      expect(parsed.ok && formatIdentityPublicKey(parsed.key)).toBe(formatIdentityPublicKey(publicKey));
    }
  });

  it.each([
    ['garbage', 'not a key'],
    ['31 bytes', Buffer.alloc(31, 1).toString('base64url')],
    [
      'a private key PEM',
      deriveIdentityKeyPair('a'.repeat(48)).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    ],
    [
      'an RSA public key',
      generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }),
    ],
  ])('refuses %s', (_name, text) => {
    const parsed = parseIdentityPublicKey(text.toString());
    expect(parsed.ok).toBe(false);
  });
});
