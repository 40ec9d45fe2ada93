import {
  api,
  authorizeUrl,
  CLIENT,
  exchangeCode,
  type TokenResponse,
} from '@ionflux/testing/tiktok-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTikTokSimulator, type TikTokSimulator } from '../tiktok-simulator.ts';

let sim: TikTokSimulator;

beforeAll(async () => {
  sim = await startTikTokSimulator({ ...CLIENT, seed: false, webhookUrl: 'http://127.0.0.1:9/unreachable' });
});
afterAll(() => sim.close());

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.url}/_control${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('TikTok /_control', () => {
  it('approves an authorize URL, lists users with their open_id, and revokes the grant', async () => {
    const approved = await control('POST', '/authorize', { url: authorizeUrl(sim, ['user.info.basic']) });
    const { redirectUrl } = (await approved.json()) as { redirectUrl: string };
    const code = new URL(redirectUrl).searchParams.get('code') ?? '';
    const tokens = (await (await exchangeCode(sim, code)).json()) as TokenResponse;
    const { users } = (await (await control('GET', '/users')).json()) as {
      users: { username: string; openId: string; videoCount: number }[];
    };
    expect(users).toEqual([
      { username: 'ionflux.stylist', displayName: 'Ionflux Stylist', openId: tokens.open_id, videoCount: 0 },
    ]);
    const revoked = await control('POST', '/grants/revoke', { openId: tokens.open_id });
    expect(await revoked.json()).toEqual({ revoked: true });
    const after = await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id');
    expect(after.error.code).toBe('access_token_invalid');
    expect(sim.webhookDeliveries().map((delivery) => delivery.event)).toEqual(['authorization.removed']);
  });

  it('adds a creator with generated videos', async () => {
    const created = await control('POST', '/users', { username: 'new.creator', videoCount: 3 });
    expect(await created.json()).toMatchObject({ username: 'new.creator', videoCount: 3 });
  });

  it('rejects malformed requests with 400', async () => {
    expect((await control('POST', '/faults', { status: 'x' })).status).toBe(400);
    expect((await control('POST', '/rate-limits', { endpoint: 'everything', limit: 1 })).status).toBe(400);
    expect(
      (await control('POST', '/authorize', { url: `${sim.url}/v2/auth/authorize/?client_key=other` })).status,
    ).toBe(400);
  });
});
