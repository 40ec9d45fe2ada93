import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { api, CLIENT, connect, type TokenResponse } from '@ionflux/testing/tiktok-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTikTokSimulator, type TikTokSimulator } from '../tiktok-simulator.ts';

const MIB = 1024 * 1024;
let sim: TikTokSimulator;
let clock = new Date('2026-11-25T10:00:00Z');
let tokens: TokenResponse;
let receiver: Server;
const received: { body: string; signature: string }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['tiktok-signature']) });
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/tiktok`;
  // TikTok allows 6 inits per minute per token; this file makes more on one frozen minute.
  sim = await startTikTokSimulator({
    ...CLIENT,
    now: () => clock,
    publishProcessingMs: 5000,
    webhookUrl,
    rateLimits: { post_init: 50 },
  });
  tokens = await connect(sim, ['user.info.basic', 'video.list', 'video.publish', 'video.upload']);
});
afterAll(async () => {
  await sim.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const post = (path: string, body?: unknown) => api(sim, tokens.access_token, 'POST', path, body);
const status = async (publishId: string) =>
  (await post('/v2/post/publish/status/fetch/', { publish_id: publishId })).data as Record<string, unknown>;

async function initFileUpload(title: string, videoSize: number, chunkSize: number) {
  return post('/v2/post/publish/video/init/', {
    post_info: {
      title,
      privacy_level: 'PUBLIC_TO_EVERYONE',
      disable_comment: false,
      video_cover_timestamp_ms: 1000,
    },
    source_info: {
      source: 'FILE_UPLOAD',
      video_size: videoSize,
      chunk_size: chunkSize,
      total_chunk_count: Math.floor(videoSize / chunkSize),
    },
  });
}

function putChunk(uploadUrl: string, bytes: Buffer, first: number, total: number): Promise<Response> {
  return fetch(uploadUrl, {
    method: 'PUT',
    headers: {
      'content-type': 'video/mp4',
      'content-range': `bytes ${first}-${first + bytes.length - 1}/${total}`,
    },
    body: new Uint8Array(bytes),
  });
}

describe('Content Posting: direct post by FILE_UPLOAD', () => {
  it('creator_info lists the privacy options', async () => {
    const info = await post('/v2/post/publish/creator_info/query/');
    expect(info.data).toMatchObject({
      creator_username: 'ionflux.stylist',
      privacy_level_options: expect.arrayContaining(['SELF_ONLY']),
    });
  });

  it('uploads two chunks (206 then 201), processes, and reaches PUBLISH_COMPLETE with a public post', async () => {
    const size = 12 * MIB;
    const init = await initFileUpload('Linen blazer, three ways #ootd #linen', size, 5 * MIB);
    const { publish_id: publishId, upload_url: uploadUrl } = init.data as {
      publish_id: string;
      upload_url: string;
    };
    expect(publishId).toMatch(/^v_pub_file~v2-1\.\d+$/);
    expect(uploadUrl).toMatch(new RegExp(`^${sim.url}/video/\\?upload_id=`));
    expect(await status(publishId)).toMatchObject({ status: 'PROCESSING_UPLOAD', uploaded_bytes: 0 });
    const video = Buffer.alloc(size, 7);
    expect((await putChunk(uploadUrl, video.subarray(0, 5 * MIB), 0, size)).status).toBe(206);
    expect((await status(publishId))['uploaded_bytes']).toBe(5 * MIB);
    // The last chunk takes the remainder: 7 MiB.
    expect((await putChunk(uploadUrl, video.subarray(5 * MIB), 5 * MIB, size)).status).toBe(201);
    expect((await status(publishId))['status']).toBe('PROCESSING_UPLOAD');
    clock = new Date(clock.getTime() + 5000);
    const done = await fetch(`${sim.url}/v2/post/publish/status/fetch/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ publish_id: publishId }),
    });
    const raw = await done.text();
    const postId = raw.match(/"publicaly_available_post_id":\[(\d{19})\]/)?.[1];
    expect(JSON.parse(raw).data).toMatchObject({ status: 'PUBLISH_COMPLETE', uploaded_bytes: size });
    const list = await post('/v2/video/list/?fields=id,title,video_description', { max_count: 1 });
    expect((list.data as { videos: unknown[] }).videos[0]).toEqual({
      id: postId,
      title: 'Linen blazer, three ways',
      video_description: 'Linen blazer, three ways #ootd #linen',
    });
  });

  it('rejects a chunk plan that breaks the rules, and a chunk off its boundary', async () => {
    const wrongCount = await post('/v2/post/publish/video/init/', {
      post_info: { title: 'x', privacy_level: 'SELF_ONLY' },
      source_info: { source: 'FILE_UPLOAD', video_size: 12 * MIB, chunk_size: 5 * MIB, total_chunk_count: 3 },
    });
    expect([wrongCount.status, wrongCount.error.code]).toEqual([400, 'invalid_params']);
    const tooSmall = await initFileUpload('x', 12 * MIB, 4 * MIB);
    expect(tooSmall.error.code).toBe('invalid_params');
    const init = await initFileUpload('x', 3 * MIB, 3 * MIB);
    const { upload_url: uploadUrl } = init.data as { upload_url: string };
    expect((await putChunk(uploadUrl, Buffer.alloc(MIB), 0, 3 * MIB)).status).toBe(400);
    expect((await putChunk(uploadUrl, Buffer.alloc(3 * MIB), 0, 3 * MIB)).status).toBe(201);
  });

  it('fails moderation when forced: FAILED with a fail_reason, and a signed post.publish.failed webhook', async () => {
    sim.failPublish(undefined, 'spam_risk_text');
    const init = await initFileUpload('Totally organic #ad', 2 * MIB, 2 * MIB);
    const { publish_id: publishId, upload_url: uploadUrl } = init.data as {
      publish_id: string;
      upload_url: string;
    };
    await putChunk(uploadUrl, Buffer.alloc(2 * MIB), 0, 2 * MIB);
    clock = new Date(clock.getTime() + 5000);
    expect(await status(publishId)).toMatchObject({
      status: 'FAILED',
      fail_reason: 'spam_risk_text',
      publicaly_available_post_id: [],
    });
    await expect.poll(() => received.find((delivery) => delivery.body.includes(publishId))).toBeDefined();
    const delivery = received.find((entry) => entry.body.includes(publishId));
    const [t, s] = (delivery?.signature ?? '').split(',').map((part) => part.slice(2));
    expect(s).toBe(createHmac('sha256', CLIENT.clientSecret).update(`${t}.${delivery?.body}`).digest('hex'));
    const body = JSON.parse(delivery?.body ?? '{}') as {
      event: string;
      content: string;
      user_openid: string;
    };
    expect(body.event).toBe('post.publish.failed');
    expect(body.user_openid).toBe(tokens.open_id);
    expect(JSON.parse(body.content)).toEqual({
      publish_id: publishId,
      reason: 'spam_risk_text',
      publish_type: 'DIRECT_PUBLISH',
    });
  });
});

describe('Content Posting: other sources and refusals', () => {
  it('PULL_FROM_URL goes through PROCESSING_DOWNLOAD; an unverified domain is refused', async () => {
    const refused = await post('/v2/post/publish/video/init/', {
      post_info: { title: 'x', privacy_level: 'SELF_ONLY' },
      source_info: { source: 'PULL_FROM_URL', video_url: 'https://unverified.example/v.mp4' },
    });
    expect([refused.status, refused.error.code]).toEqual([403, 'url_ownership_unverified']);
    const init = await post('/v2/post/publish/video/init/', {
      post_info: { title: 'pulled', privacy_level: 'SELF_ONLY' },
      source_info: { source: 'PULL_FROM_URL', video_url: 'http://localhost/v.mp4' },
    });
    const { publish_id: publishId } = init.data as { publish_id: string };
    expect((await status(publishId))['status']).toBe('PROCESSING_DOWNLOAD');
    clock = new Date(clock.getTime() + 10_000);
    expect(await status(publishId)).toMatchObject({
      status: 'PUBLISH_COMPLETE',
      publicaly_available_post_id: [],
    });
  });

  it('inbox uploads end in SEND_TO_USER_INBOX', async () => {
    const init = await post('/v2/post/publish/inbox/video/init/', {
      source_info: { source: 'FILE_UPLOAD', video_size: MIB, chunk_size: MIB, total_chunk_count: 1 },
    });
    const { publish_id: publishId, upload_url: uploadUrl } = init.data as {
      publish_id: string;
      upload_url: string;
    };
    await putChunk(uploadUrl, Buffer.alloc(MIB), 0, MIB);
    clock = new Date(clock.getTime() + 5000);
    expect((await status(publishId))['status']).toBe('SEND_TO_USER_INBOX');
  });

  it('needs video.publish for a direct post, and a privacy level from the options', async () => {
    const reader = await connect(sim, ['user.info.basic'], 'denim.dan');
    const denied = await api(sim, reader.access_token, 'POST', '/v2/post/publish/video/init/', {});
    expect([denied.status, denied.error.code]).toEqual([401, 'scope_not_authorized']);
    const mismatch = await post('/v2/post/publish/video/init/', {
      post_info: { title: 'x', privacy_level: 'FRIENDS' },
      source_info: { source: 'FILE_UPLOAD', video_size: MIB, chunk_size: MIB, total_chunk_count: 1 },
    });
    expect(mismatch.error.code).toBe('privacy_level_option_mismatch');
  });
});
