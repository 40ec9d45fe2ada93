import { isTokenError } from '@ionflux/kit/oauth';
import { describe, expect, it } from 'vitest';
import { createTikTokOAuthProfile } from './tiktok-profile.ts';

const tiktok = createTikTokOAuthProfile({ clientKey: 'ck', clientSecret: 'cs' });

describe('TikTok OAuth profile', () => {
  it('builds the Login Kit v2 authorize URL with comma-separated scopes and an S256 challenge', () => {
    const url = new URL(
      tiktok.authorizationUrl({
        state: 's',
        scopes: ['user.info.basic', 'video.list'],
        redirectUri: 'https://app/cb',
        codeChallenge: 'c',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://www.tiktok.com/v2/auth/authorize/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_key: 'ck',
      scope: 'user.info.basic,video.list',
      response_type: 'code',
      redirect_uri: 'https://app/cb',
      state: 's',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    });
  });

  it('posts a form-encoded code exchange with the verifier to open.tiktokapis.com', () => {
    const request = tiktok.codeExchangeRequest({
      code: 'a*b!',
      redirectUri: 'https://app/cb',
      codeVerifier: 'v',
    });
    expect(request.url).toBe('https://open.tiktokapis.com/v2/oauth/token/');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      client_key: 'ck',
      client_secret: 'cs',
      code: 'a*b!',
      grant_type: 'authorization_code',
      redirect_uri: 'https://app/cb',
      code_verifier: 'v',
    });
  });

  it('maps the token response, and an error sent with HTTP 200, as TikTok has done', () => {
    const tokens = tiktok.parseTokenResponse({
      access_token: 'act.x',
      expires_in: 86400,
      open_id: 'o',
      refresh_expires_in: 31536000,
      refresh_token: 'rft.x',
      scope: 'user.info.basic,video.list',
      token_type: 'Bearer',
    });
    expect(tokens).toMatchObject({
      accountId: 'o',
      scopes: ['user.info.basic', 'video.list'],
      expiresIn: 86400,
    });
    const error = tiktok.parseTokenResponse({
      error: 'invalid_grant',
      error_description: 'Refresh token is invalid',
    });
    expect(isTokenError(error) && error.kind).toBe('revoked');
  });

  it('classifies invalid_grant as revoked, 5xx and 429 as transient, invalid_client as rejected', () => {
    expect(tiktok.classifyError(400, { error: 'invalid_grant' }).kind).toBe('revoked');
    expect(tiktok.classifyError(503, undefined).kind).toBe('transient');
    expect(tiktok.classifyError(429, { error: { code: 'rate_limit_exceeded' } }).kind).toBe('transient');
    expect(tiktok.classifyError(401, { error: 'invalid_client' }).kind).toBe('rejected');
  });
});
