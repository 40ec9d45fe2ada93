import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandardOAuthServer, startStandardOAuthServer } from './standard-oauth-server.ts';

// The kit's OAuth tests lean on this server refusing what a real provider refuses: if it accepted
// anything, they would prove nothing.

const APP = { clientId: 'client-1', clientSecret: 'secret-1' };
const REDIRECT = 'http://127.0.0.1:9/callback';

describe('the standard OAuth 2.0 server of the test support', () => {
  let server: StandardOAuthServer;
  beforeAll(async () => {
    server = await startStandardOAuthServer({ ...APP, tokenPrefix: 't.' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const approve = async (extra: Record<string, string> = {}) => {
    const form = new URLSearchParams({
      response_type: 'code',
      client_id: APP.clientId,
      redirect_uri: REDIRECT,
      scope: 'read:a write:b',
      state: 's1',
      decision: 'approve',
      ...extra,
    });
    const response = await fetch(`${server.url}/authorize`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    return new URL(response.headers.get('location') ?? '');
  };
  const token = async (fields: Record<string, string>) => {
    const response = await fetch(`${server.url}/token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: APP.clientId, client_secret: APP.clientSecret, ...fields }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const exchange = (code: string, extra: Record<string, string> = {}) =>
    token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...extra });

  it('exchanges a code once, for the redirect URI it was issued to', async () => {
    const code = (await approve()).searchParams.get('code') ?? '';
    expect(await exchange(code, { redirect_uri: 'http://127.0.0.1:9/elsewhere' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    const fresh = (await approve()).searchParams.get('code') ?? '';
    const first = await exchange(fresh);
    expect(first).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'read:a write:b' } });
    expect(String(first.body['access_token'])).toMatch(/^t\.at_/);
    expect(await exchange(fresh)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('checks the PKCE verifier against the S256 challenge', async () => {
    const verifier = 'v'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const approved = () => approve({ code_challenge: challenge, code_challenge_method: 'S256' });
    const wrong = (await approved()).searchParams.get('code') ?? '';
    expect(await exchange(wrong, { code_verifier: 'w'.repeat(43) })).toMatchObject({ status: 400 });
    const right = (await approved()).searchParams.get('code') ?? '';
    expect(await exchange(right, { code_verifier: verifier })).toMatchObject({ status: 200 });
    const plain = await approve({ code_challenge: challenge, code_challenge_method: 'plain' });
    expect(plain.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a wrong client secret with 401 invalid_client', async () => {
    const response = await fetch(`${server.url}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: APP.clientId,
        client_secret: 'nope',
        grant_type: 'refresh_token',
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('rotates refresh tokens, retiring the old one; revoking retires the grant', async () => {
    const issued = await exchange((await approve()).searchParams.get('code') ?? '');
    const refreshToken = String(issued.body['refresh_token']);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).not.toBe(refreshToken);
    expect(await token({ grant_type: 'refresh_token', refresh_token: refreshToken })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    const accessToken = String(refreshed.body['access_token']);
    const userinfo = () =>
      fetch(`${server.url}/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } }).then(
        (r) => r.status,
      );
    expect(await userinfo()).toBe(200);
    await fetch(`${server.url}/revoke`, {
      method: 'POST',
      body: new URLSearchParams({
        ...{ client_id: APP.clientId, client_secret: APP.clientSecret },
        token: accessToken,
      }),
    });
    expect(await userinfo()).toBe(401);
    expect(
      await token({ grant_type: 'refresh_token', refresh_token: String(refreshed.body['refresh_token']) }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('answers a denial and an unknown client as a provider does', async () => {
    expect((await approve({ decision: 'deny' })).searchParams.get('error')).toBe('access_denied');
    const page = await fetch(`${server.url}/authorize?client_id=someone-else&redirect_uri=${REDIRECT}`);
    expect(page.status).toBe(400);
  });
});
