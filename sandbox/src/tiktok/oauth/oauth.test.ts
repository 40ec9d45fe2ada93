import {
  api,
  authorizeUrl,
  CLIENT,
  CLIENT_FORM,
  exchangeCode,
  pkcePair,
  postForm,
  REDIRECT_URI,
  type TokenResponse,
} from '@ionflux/testing/tiktok-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTikTokSimulator, type TikTokSimulator } from '../tiktok-simulator.ts';

let sim: TikTokSimulator;
let clock = new Date('2026-11-25T10:00:00Z');

beforeAll(async () => {
  sim = await startTikTokSimulator({ ...CLIENT, now: () => clock, redirectUris: [REDIRECT_URI] });
});
afterAll(() => sim.close());

/** Loads the authorize page, then submits its form as a user clicking a button would. */
async function clickThrough(url: string, decision: 'approve' | 'deny'): Promise<URL> {
  const page = await fetch(url);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain('>Approve</button>');
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [
      match[1] ?? '',
      (match[2] ?? '').replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code))),
    ]),
  );
  const response = await fetch(new URL('/v2/auth/authorize/', sim.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, username: 'ionflux.stylist', decision }),
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

describe('Login Kit authorize page and POST /v2/oauth/token/', () => {
  it('approving redirects with code, scopes and state; the code buys a token pair once', async () => {
    const callback = await clickThrough(authorizeUrl(sim, ['user.info.basic', 'video.list']), 'approve');
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('scopes')).toBe('user.info.basic,video.list');
    expect(callback.searchParams.get('state')).toBe('state-123');
    const code = callback.searchParams.get('code') ?? '';
    const response = await exchangeCode(sim, code);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as TokenResponse;
    expect(tokens).toEqual({
      access_token: expect.stringMatching(/^act\./),
      expires_in: 86_400,
      open_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      refresh_expires_in: 31_536_000,
      refresh_token: expect.stringMatching(/^rft\./),
      scope: 'user.info.basic,video.list',
      token_type: 'Bearer',
    });
    const again = await exchangeCode(sim, code);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant', log_id: expect.any(String) });
  });

  it('logs what the app sent, e.g. the form-encoded token exchange', async () => {
    sim.clearRequests();
    await exchangeCode(sim, 'not-a-code');
    expect(sim.requests()).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v2/oauth/token/',
        status: 400,
        contentType: 'application/x-www-form-urlencoded',
        body: expect.objectContaining({
          grant_type: 'authorization_code',
          code: 'not-a-code',
          redirect_uri: REDIRECT_URI,
        }),
      }),
    ]);
  });

  it('denying redirects with error=access_denied', async () => {
    const callback = await clickThrough(authorizeUrl(sim, ['user.info.basic']), 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('state-123');
  });

  it('shows an error page for an unregistered redirect_uri and sends invalid_scope back to the app', async () => {
    const page = await fetch(
      authorizeUrl(sim, ['user.info.basic'], { redirect_uri: 'https://evil.test/cb' }),
    );
    expect(page.status).toBe(400);
    const badScope = await fetch(authorizeUrl(sim, ['user.info.everything']), { redirect: 'manual' });
    expect(new URL(badScope.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
  });

  it('honours a PKCE S256 challenge: no verifier or a wrong one is invalid_grant', async () => {
    const { verifier, challenge } = pkcePair();
    const url = authorizeUrl(sim, ['user.info.basic'], {
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const code = new URL(sim.authorize(url)).searchParams.get('code') ?? '';
    expect((await exchangeCode(sim, code)).status).toBe(400);
    expect((await exchangeCode(sim, code, { code_verifier: 'wrong' })).status).toBe(400);
    const ok = await exchangeCode(sim, code, { code_verifier: verifier });
    expect(ok.status).toBe(200);
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    const response = await postForm(sim, '/v2/oauth/token/', {
      client_key: CLIENT.clientKey,
      client_secret: 'nope',
      grant_type: 'refresh_token',
      refresh_token: 'x',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('refresh, expiry and revoke', () => {
  it('an access token expires after 24 h; refreshing rotates the refresh token', async () => {
    const code =
      new URL(sim.authorize(authorizeUrl(sim, ['user.info.basic']))).searchParams.get('code') ?? '';
    const tokens = (await (await exchangeCode(sim, code)).json()) as TokenResponse;
    expect((await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id')).status).toBe(200);
    clock = new Date(clock.getTime() + 86_401_000);
    const expired = await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id');
    expect(expired.status).toBe(401);
    expect(expired.error.code).toBe('access_token_invalid');
    const refresh = { ...CLIENT_FORM, grant_type: 'refresh_token', refresh_token: tokens.refresh_token };
    const refreshed = (await (await postForm(sim, '/v2/oauth/token/', refresh)).json()) as TokenResponse;
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.open_id).toBe(tokens.open_id);
    expect(refreshed.refresh_expires_in).toBe(31_536_000 - 86_401);
    const user = await api(sim, refreshed.access_token, 'GET', '/v2/user/info/?fields=open_id,display_name');
    expect(user.data).toEqual({ user: { open_id: tokens.open_id, display_name: 'Ionflux Stylist' } });
    const reused = await postForm(sim, '/v2/oauth/token/', refresh);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('POST /v2/oauth/revoke/ ends the grant: its tokens stop working', async () => {
    const code =
      new URL(sim.authorize(authorizeUrl(sim, ['user.info.basic']))).searchParams.get('code') ?? '';
    const tokens = (await (await exchangeCode(sim, code)).json()) as TokenResponse;
    const revoked = await postForm(sim, '/v2/oauth/revoke/', { ...CLIENT_FORM, token: tokens.access_token });
    expect(revoked.status).toBe(200);
    const after = await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id');
    expect(after.error.code).toBe('access_token_invalid');
  });
});
