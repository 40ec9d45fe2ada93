import { api, CLIENT, CLIENT_FORM, connect, postForm } from '@ionflux/testing/tiktok-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTikTokSimulator, type TikTokSimulator } from '../tiktok-simulator.ts';

let sim: TikTokSimulator;
let clientToken: string;
const FIELDS = 'id,username,region_code,hashtag_names,view_count,create_time';

beforeAll(async () => {
  sim = await startTikTokSimulator({ ...CLIENT, now: () => new Date('2026-11-25T10:00:00Z') });
  const response = await postForm(sim, '/v2/oauth/token/', {
    ...CLIENT_FORM,
    grant_type: 'client_credentials',
  });
  const body = (await response.json()) as { access_token: string; expires_in: number; token_type: string };
  expect(body).toMatchObject({
    access_token: expect.stringMatching(/^clt\./),
    expires_in: 7200,
    token_type: 'Bearer',
  });
  clientToken = body.access_token;
});
afterAll(() => sim.close());

type Page = {
  videos: { hashtag_names: string[]; region_code: string; create_time: number }[];
  cursor: number;
  has_more: boolean;
  search_id: string;
};
const search = async (body: Record<string, unknown>) =>
  api(sim, clientToken, 'POST', `/v2/research/video/query/?fields=${FIELDS}`, {
    start_date: '20261101',
    end_date: '20261125',
    ...body,
  });

describe('POST /v2/research/video/query/', () => {
  it('finds public videos by hashtag and region, paged under a search_id', async () => {
    const query = {
      and: [
        { operation: 'EQ', field_name: 'hashtag_name', field_values: ['ootd'] },
        {
          operation: 'IN',
          field_name: 'region_code',
          field_values: ['US', 'CA', 'GB', 'BR', 'DE', 'FR', 'JP', 'MX'],
        },
      ],
    };
    const first = await search({ query, max_count: 5 });
    expect(first.status).toBe(200);
    const page1 = first.data as Page;
    expect(page1.videos.length).toBe(5);
    expect(page1.videos.every((video) => video.hashtag_names.includes('ootd'))).toBe(true);
    expect(page1.videos.every((video) => video.create_time >= Date.UTC(2026, 10, 1) / 1000)).toBe(true);
    expect(page1.has_more).toBe(true);
    const second = await search({ query, max_count: 5, cursor: page1.cursor, search_id: page1.search_id });
    const page2 = second.data as Page;
    expect(page2.search_id).toBe(page1.search_id);
    expect(page2.cursor).toBe(10);
  });

  it('writes video ids as bare 19-digit JSON numbers, as TikTok does', async () => {
    const response = await fetch(`${sim.url}/v2/research/video/query/?fields=id`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clientToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        start_date: '20261101',
        end_date: '20261125',
        max_count: 1,
        query: { and: [{ operation: 'EQ', field_name: 'region_code', field_values: ['US'] }] },
      }),
    });
    expect(await response.text()).toMatch(/"videos":\[\{"id":\d{19}\}\]/);
  });

  it('aggregates hashtags over a keyword query (the closest thing to a hashtag endpoint)', async () => {
    const { data } = await search({
      query: { and: [{ operation: 'EQ', field_name: 'keyword', field_values: ['blazer'] }] },
      max_count: 100,
    });
    const counts = new Map<string, number>();
    for (const video of (data as Page).videos)
      for (const tag of video.hashtag_names) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(0);
  });

  it('refuses a date range over 30 days, a bad field and a user token', async () => {
    const query = { and: [{ operation: 'EQ', field_name: 'region_code', field_values: ['US'] }] };
    const range = await search({ query, start_date: '20260901', end_date: '20261125' });
    expect([range.status, range.error.code]).toEqual([400, 'invalid_params']);
    const field = await search({
      query: { and: [{ operation: 'EQ', field_name: 'colour', field_values: ['red'] }] },
    });
    expect(field.error.code).toBe('invalid_params');
    const user = await connect(sim, ['user.info.basic']);
    const asUser = await api(sim, user.access_token, 'POST', `/v2/research/video/query/?fields=id`, {
      query,
    });
    expect([asUser.status, asUser.error.code]).toEqual([401, 'access_token_invalid']);
  });
});
