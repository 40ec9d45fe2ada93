import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from './issue-token.ts';
import { createJwtVerifier } from './jwt-verifier.ts';

const secret = 'j'.repeat(48);
const workspaceId = '0d919aca-0a08-4515-8d8f-5dcee1aef50a';
const userId = '32651dbd-9eab-4c5d-a3d3-7d2d8c6af53e';

describe('createJwtVerifier with IONFLUX_JWT_SECRET (HS256)', () => {
  const verify = createJwtVerifier({ secret });

  it('accepts a token npm run token issued and reads the caller from it', async () => {
    const token = await issueToken({ secret, workspaceId, userId });
    expect(await verify(`Bearer ${token}`)).toEqual({ ok: true, caller: { userId, workspaceId } });
  });

  it.each([
    ['a header without Bearer', async () => 'Token abc', /Bearer <token>/],
    [
      'an expired token',
      async () => `Bearer ${await issueToken({ secret, workspaceId, userId, expiresIn: '-1s' })}`,
      /expired/,
    ],
    [
      'another secret',
      async () => `Bearer ${await issueToken({ secret: 'k'.repeat(48), workspaceId, userId })}`,
      /not valid/,
    ],
    [
      'a workspace_id that is not a UUID',
      async () => `Bearer ${await issueToken({ secret, workspaceId: 'acme', userId })}`,
      /workspace_id must be a UUID/,
    ],
    [
      'alg none',
      async () =>
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
          JSON.stringify({ sub: userId, workspace_id: workspaceId }),
        ).toString('base64url')}.`,
      /not valid/,
    ],
  ])('refuses %s', async (_name, header, reason) => {
    const result = await verify(await header());
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});

describe('createJwtVerifier: expiry, lifetime and audience', () => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const signed = (claims: Record<string, unknown>) =>
    new SignJWT({ sub: userId, workspace_id: workspaceId, ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));

  it('refuses a token without exp: every caller token must expire', async () => {
    const result = await createJwtVerifier({ secret })(`Bearer ${await signed({ iat: nowSeconds() })}`);
    expect(result).toEqual({ ok: false, reason: 'the token has no expiry (exp); tokens must expire' });
  });

  it('accepts the 24 h the default maximum lifetime allows, and refuses a token that lives longer', async () => {
    const verify = createJwtVerifier({ secret });
    const day = await issueToken({ secret, workspaceId, userId, expiresIn: '24h' });
    expect((await verify(`Bearer ${day}`)).ok).toBe(true);
    const month = await issueToken({ secret, workspaceId, userId, expiresIn: '30d' });
    const refused = await verify(`Bearer ${month}`);
    expect(refused).toEqual({
      ok: false,
      reason: 'the token lives longer than the 1 d this gateway accepts; get a shorter-lived one',
    });
  });

  it.each([
    ['a token without iat expiring beyond the maximum', { exp: nowSeconds() + 7200 }],
    [
      'a token whose iat lies in the future to look short-lived',
      { iat: nowSeconds() + 7200, exp: nowSeconds() + 9000 },
    ],
    [
      'a token issued long ago that still has hours left',
      { iat: nowSeconds() - 7200, exp: nowSeconds() + 600 },
    ],
  ])('refuses %s with a one-hour maximum', async (_name, claims) => {
    const result = await createJwtVerifier({ secret, maxLifetimeSeconds: 3600 })(
      `Bearer ${await signed(claims)}`,
    );
    expect(result.ok ? '' : result.reason).toMatch(/lives longer than the 1 h/);
  });

  it('requires the configured audience: refuses a token without aud or for another one', async () => {
    const verify = createJwtVerifier({ secret, audience: 'ionflux-gateway' });
    for (const audience of [undefined, 'another-api']) {
      const token = await issueToken({ secret, workspaceId, userId, audience });
      expect(await verify(`Bearer ${token}`)).toEqual({
        ok: false,
        reason: 'the token is not addressed to this gateway (aud)',
      });
    }
    const token = await issueToken({ secret, workspaceId, userId, audience: 'ionflux-gateway' });
    expect(await verify(`Bearer ${token}`)).toEqual({ ok: true, caller: { userId, workspaceId } });
  });

  it('reads user and workspace ids in lower case, so a capitalised UUID names the same workspace', async () => {
    const token = await issueToken({
      secret,
      workspaceId: workspaceId.toUpperCase(),
      userId: userId.toUpperCase(),
    });
    expect(await createJwtVerifier({ secret })(`Bearer ${token}`)).toEqual({
      ok: true,
      caller: { userId, workspaceId },
    });
  });
});

describe('createJwtVerifier remembering verified tokens', () => {
  const token = (claims: { exp: number; nbf?: number }) =>
    new SignJWT({ workspace_id: workspaceId, ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .sign(new TextEncoder().encode(secret));
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('honours a remembered token only until its expiry', async () => {
    const verify = createJwtVerifier({ secret });
    const header = `Bearer ${await token({ exp: nowSeconds() + 1 })}`;
    expect((await verify(header)).ok).toBe(true);
    expect((await verify(header)).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const late = await verify(header);
    expect(late.ok).toBe(false);
    expect(late.ok ? '' : late.reason).toMatch(/expired/);
  });

  it('does not remember a refusal: a token not yet valid is accepted once it is', async () => {
    const verify = createJwtVerifier({ secret });
    const header = `Bearer ${await token({ nbf: nowSeconds() + 1, exp: nowSeconds() + 60 })}`;
    expect((await verify(header)).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await verify(header)).toEqual({ ok: true, caller: { userId, workspaceId } });
  });
});

describe('createJwtVerifier with IONFLUX_JWKS_URL', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    jwksUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (claims: Record<string, unknown>, issuer = 'https://id.ionflux.test') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'key-1' })
      .setIssuer(issuer)
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts a token signed by a key the identity provider publishes', async () => {
    const verify = createJwtVerifier({ jwksUrl, issuer: 'https://id.ionflux.test' });
    const token = await sign({ sub: userId, workspace_id: workspaceId });
    expect(await verify(`Bearer ${token}`)).toEqual({ ok: true, caller: { userId, workspaceId } });
  });

  it('refuses a token from another issuer when an issuer is configured', async () => {
    const verify = createJwtVerifier({ jwksUrl, issuer: 'https://id.ionflux.test' });
    const token = await sign({ sub: userId, workspace_id: workspaceId }, 'https://evil.test');
    expect((await verify(`Bearer ${token}`)).ok).toBe(false);
  });

  it('refuses an HS256 token made with the public key as secret (algorithm confusion)', async () => {
    const verify = createJwtVerifier({ jwksUrl });
    const token = await issueToken({ secret: 'public-key-bytes-public-key-bytes!!', workspaceId, userId });
    expect((await verify(`Bearer ${token}`)).ok).toBe(false);
  });
});
