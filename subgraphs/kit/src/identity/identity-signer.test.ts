import { generateKeyPairSync } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { deriveIdentityKeyPair, identityKeyId } from './identity-keys.ts';
import { createIdentitySigner, IDENTITY_ISSUER } from './identity-signer.ts';
import { createIdentityVerifier } from './identity-verifier.ts';

const secret = 's'.repeat(48);
const identity = {
  userId: '0d919aca-0a08-4515-8d8f-5dcee1aef50a',
  workspaceId: '32651dbd-9eab-4c5d-a3d3-7d2d8c6af53e',
  requestId: 'req-1',
};
const gatewayKeys = deriveIdentityKeyPair(secret);
const verifierFor = (audience: string) =>
  createIdentityVerifier({ audience, publicKeys: [gatewayKeys.publicKey] });

describe('createIdentitySigner and createIdentityVerifier', () => {
  it('round-trips the identity it signed for the subgraph it is addressed to', () => {
    const token = createIdentitySigner(secret).sign(identity, 'llm');
    expect(verifierFor('llm').verify(token)).toEqual({ ok: true, identity });
  });

  it('signs with the key derived from the secret: the private key object signs the same identities', () => {
    const token = createIdentitySigner(gatewayKeys.privateKey).sign(identity, 'shopify');
    expect(verifierFor('shopify').verify(token)).toEqual({ ok: true, identity });
  });

  it('signs a caller without a request id, so one token serves many requests', () => {
    const caller = { userId: identity.userId, workspaceId: identity.workspaceId };
    const token = createIdentitySigner(secret).sign(caller, 'tiktok');
    const verifier = verifierFor('tiktok');
    expect(verifier.verify(token)).toEqual({ ok: true, identity: caller });
    expect(verifier.verify(token)).toEqual({ ok: true, identity: caller });
  });

  it('accepts either key while the gateway key is rotated', () => {
    const next = deriveIdentityKeyPair('n'.repeat(48));
    const verifier = createIdentityVerifier({
      audience: 'llm',
      publicKeys: [gatewayKeys.publicKey, next.publicKey],
    });
    expect(verifier.verify(createIdentitySigner(secret).sign(identity, 'llm')).ok).toBe(true);
    expect(verifier.verify(createIdentitySigner(next.privateKey).sign(identity, 'llm')).ok).toBe(true);
  });

  it('refuses a token the gateway signed for another subgraph (no replay from one subgraph to another)', () => {
    const forShopify = createIdentitySigner(secret).sign(identity, 'shopify');
    const result = verifierFor('llm').verify(forShopify);
    expect(result).toEqual({ ok: false, reason: 'identity signature addressed to another subgraph' });
  });

  // What a compromised subgraph could try: it holds only the public key.
  const subgraphKey = generateKeyPairSync('ed25519').privateKey;
  it.each([
    ['no header', async () => undefined, /missing/],
    [
      'another secret',
      async () => createIdentitySigner('t'.repeat(48)).sign(identity, 'llm'),
      /invalid or expired/,
    ],
    [
      'an expired signature',
      async () => createIdentitySigner(secret, -1).sign(identity, 'llm'),
      /invalid or expired/,
    ],
    ['garbage', async () => 'not-a-jwt', /invalid or expired/],
    [
      'an HS256 token signed with IONFLUX_INTERNAL_SECRET (the old scheme), with the right claims',
      async () =>
        createSigner({ key: secret, algorithm: 'HS256', iss: IDENTITY_ISSUER, expiresIn: 60_000 })({
          aud: 'llm',
          sub: identity.userId,
          wid: identity.workspaceId,
        }),
      /invalid or expired/,
    ],
    [
      'an HS256 token naming the gateway key id, keyed with the public key (algorithm confusion)',
      async () =>
        createSigner({
          key: gatewayKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          algorithm: 'HS256',
          kid: identityKeyId(gatewayKeys.publicKey),
          iss: IDENTITY_ISSUER,
          expiresIn: 60_000,
        })({ aud: 'llm', sub: identity.userId, wid: identity.workspaceId }),
      /invalid or expired/,
    ],
    [
      'an EdDSA token a subgraph signed with its own key, naming the gateway key id',
      async () =>
        createSigner({
          key: subgraphKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          algorithm: 'EdDSA',
          kid: identityKeyId(gatewayKeys.publicKey),
          iss: IDENTITY_ISSUER,
          expiresIn: 60_000,
        })({ aud: 'llm', sub: identity.userId, wid: identity.workspaceId }),
      /invalid or expired/,
    ],
    [
      'a caller JWT signed with the same secret but not by the gateway',
      async () =>
        new SignJWT({ workspace_id: identity.workspaceId })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(identity.userId)
          .setExpirationTime('1m')
          .sign(new TextEncoder().encode(secret)),
      /invalid or expired/,
    ],
  ])('refuses %s', async (_name, token, reason) => {
    const result = verifierFor('llm').verify(await token());
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
