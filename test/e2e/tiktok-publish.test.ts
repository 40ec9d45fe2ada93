import { randomBytes, randomUUID } from 'node:crypto';
import { freePort } from '@ionflux/kit/server';
import { startTikTokSimulator, type TikTokSimulator } from '@ionflux/sandbox/tiktok';
import { postGraphQL, rawRequest } from '@ionflux/testing/http';
import { connectWs, type ReceivedResult, subscribeWs } from '@ionflux/testing/subscriptions';
import { connectTikTokAccount, sendTikTokWebhook, startSystem } from '@ionflux/testing/system';
import type { Client } from 'graphql-ws';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 15 "Publishing (3.2, 3.4)": publishTikTokVideo from an uploaded file (chunked FILE_UPLOAD) or a
// URL on an allowed origin, the durable publish job, tiktokPublishStatus through the gateway, and the
// refusals: moderation, a foreign origin, a missing scope, another workspace's ids, an oversized file.

const CLIENT_KEY = 'tiktok-publish-client-key';
const CLIENT_SECRET = 'tiktok-publish-client-secret-8a1c';
const MIB = 1024 * 1024;
const MAX_UPLOAD = 40 * MIB;

let simulator: TikTokSimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let sql: postgres.Sql;
let publisher: { token: string; connectionId: string; openId: string };
const clients: Client[] = [];

const PUBLISH = `mutation ($input: PublishTikTokVideoInput!) {
  publishTikTokVideo(input: $input) { jobId status source chunkCount chunkSize videoSize complianceNotice }
}`;
const FIELDS = `jobId status tiktokStatus publishId source videoSize chunkSize chunkCount uploadedBytes postIds
  privacyLevel title error { code message tiktokReason logId } complianceNotice finishedAt`;
const STATUS = `subscription ($jobId: ID!) { tiktokPublishStatus(jobId: $jobId) { ${FIELDS} } }`;
const READ = `query ($jobId: ID!) { tiktokPublish(jobId: $jobId) { ${FIELDS} } }`;

interface Publish {
  jobId: string;
  status: string;
  tiktokStatus: string | null;
  publishId: string | null;
  chunkCount: number | null;
  chunkSize: number | null;
  videoSize: number | null;
  uploadedBytes: number;
  error: { code: string; message: string; tiktokReason: string | null; logId: string | null } | null;
  complianceNotice: string;
}

async function newPublisher(
  scopes: string[],
): Promise<{ token: string; connectionId: string; openId: string }> {
  const token = await system.tokenFor(randomUUID());
  const creator = simulator.addCreator(`publisher_${randomBytes(4).toString('hex')}`, 1);
  const connectionId = await connectTikTokAccount({
    gatewayUrl: system.gatewayUrl,
    simulator,
    token,
    creatorId: randomUUID(),
    scopes,
    username: creator.username,
  });
  return { token, connectionId, openId: creator.openId };
}

function upload(token: string, bytes: Buffer, contentType = 'video/mp4') {
  return fetch(`${system.gatewayUrl}/uploads/tiktok`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: Uint8Array.from(bytes),
  });
}

function publish(token: string, input: Record<string, unknown>) {
  return postGraphQL<{ publishTikTokVideo: Publish }>(system.gatewayUrl, PUBLISH, {
    token,
    variables: { input: { privacyLevel: 'SELF_ONLY', title: 'A test post #ionflux', ...input } },
  });
}

/** Follows a publish through the gateway over graphql-ws until its stream ends (after a final state). */
async function followToEnd(token: string, jobId: string): Promise<ReceivedResult[]> {
  const client = connectWs(system.gatewayUrl, token);
  clients.push(client);
  const stream = subscribeWs(client, STATUS, { jobId });
  const ended = await Promise.race([
    stream.ended.then(() => 'ended'),
    new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000)),
  ]);
  expect(ended).toBe('ended');
  return stream.results;
}

const statesOf = (results: ReceivedResult[]) =>
  results.map((result) => (result.data?.['tiktokPublishStatus'] as Publish | undefined)?.status);
const lastOf = (results: ReceivedResult[]) => results.at(-1)?.data?.['tiktokPublishStatus'] as Publish;
const apiRequests = (path: string) => simulator.requests().filter((request) => request.path === path);

async function countRows(): Promise<{ uploads: number; parts: number }> {
  const [row] = await sql<{ uploads: number; parts: number }[]>`
    select (select count(*)::int from tiktok.uploads) as uploads,
      (select count(*)::int from tiktok.upload_parts) as parts`;
  return row ?? { uploads: -1, parts: -1 };
}

beforeAll(async () => {
  const port = await freePort();
  simulator = await startTikTokSimulator({
    clientKey: CLIENT_KEY,
    clientSecret: CLIENT_SECRET,
    webhookUrl: `http://127.0.0.1:${port}/webhooks/tiktok`,
  });
  system = await startSystem({
    PORT: String(port),
    IONFLUX_PUBLIC_URL: `http://127.0.0.1:${port}`,
    TIKTOK_CLIENT_KEY: CLIENT_KEY,
    TIKTOK_CLIENT_SECRET: CLIENT_SECRET,
    TIKTOK_AUTH_ORIGIN: simulator.url,
    TIKTOK_API_ORIGIN: simulator.url,
    TIKTOK_PULL_ORIGINS: simulator.url,
    TIKTOK_UPLOAD_MAX_BYTES: String(MAX_UPLOAD),
  });
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
  publisher = await newPublisher(['user.info.basic', 'video.publish']);
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('publishTikTokVideo through the gateway against the simulator', () => {
  it('a 30 MB file published in chunks reaches PUBLISH_COMPLETE via tiktokPublishStatus (chunks checked at the simulator)', async () => {
    const file = randomBytes(30 * MIB + 12_345);
    const uploaded = await upload(publisher.token, file);
    expect(uploaded.status).toBe(201);
    const { uploadId, sizeBytes } = (await uploaded.json()) as { uploadId: string; sizeBytes: number };
    expect(sizeBytes).toBe(file.length);
    simulator.clearRequests();

    const answer = await publish(publisher.token, { connectionId: publisher.connectionId, uploadId });
    expect(answer.body.errors).toBeUndefined();
    const queued = (answer.body.data?.publishTikTokVideo ?? {}) as Publish;
    expect(queued).toMatchObject({
      source: 'FILE_UPLOAD',
      chunkCount: 3,
      chunkSize: 10 * MIB,
      videoSize: file.length,
    });
    expect(queued.complianceNotice).toContain('Community Guidelines');

    const results = await followToEnd(publisher.token, queued.jobId);
    expect(results.every((result) => result.errors === undefined)).toBe(true);
    // States in order (one repeats when only TikTok's own status changed), ending complete; the
    // subscription saw TikTok process the upload.
    const states = statesOf(results).filter((state, index, all) => state !== all[index - 1]);
    const order = ['QUEUED', 'INITIATING', 'UPLOADING', 'PROCESSING', 'PUBLISH_COMPLETE'];
    expect(states).toEqual(order.filter((state) => states.includes(state)));
    expect(states).toContain('PROCESSING');
    expect(states.at(-1)).toBe('PUBLISH_COMPLETE');
    expect(lastOf(results)).toMatchObject({
      status: 'PUBLISH_COMPLETE',
      tiktokStatus: 'PUBLISH_COMPLETE',
      uploadedBytes: file.length,
      error: null,
    });
    expect(lastOf(results).complianceNotice).toContain('Community Guidelines');
    expect(lastOf(results).publishId).toMatch(/^v_pub_file~/);

    // What TikTok received: one init with TikTok's chunk arithmetic, then three PUTs covering every byte.
    const [init] = apiRequests('/v2/post/publish/video/init/');
    expect(init?.status).toBe(200);
    expect((init?.body as { source_info: unknown } | undefined)?.source_info).toEqual({
      source: 'FILE_UPLOAD',
      video_size: file.length,
      chunk_size: 10 * MIB,
      total_chunk_count: 3,
    });
    const puts = apiRequests('/video/');
    expect(puts.map((put) => [put.method, put.status, put.body])).toEqual([
      ['PUT', 206, { bytes: 10 * MIB }],
      ['PUT', 206, { bytes: 10 * MIB }],
      ['PUT', 201, { bytes: 10 * MIB + 12_345 }],
    ]);
    expect(puts.every((put) => put.contentType === 'video/mp4')).toBe(true);
    // The file's bytes are gone once TikTok has them.
    const [parts] = await sql<{ n: number }[]>`
      select count(*)::int as n from tiktok.upload_parts where upload_id = ${uploadId}`;
    expect(parts?.n).toBe(0);
    // The same upload cannot be posted twice.
    const again = await publish(publisher.token, { connectionId: publisher.connectionId, uploadId });
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
  }, 90_000);

  it('a moderated post reports POLICY_VIOLATION with TikTok’s reason through tiktokPublishStatus and is not retried', async () => {
    simulator.clearRequests();
    simulator.failPublish(undefined, 'spam_risk_text');
    const answer = await publish(publisher.token, {
      connectionId: publisher.connectionId,
      videoUrl: `${simulator.url}/media/moderated.mp4`,
    });
    expect(answer.body.errors).toBeUndefined();
    const { jobId, source } = (answer.body.data?.publishTikTokVideo ?? {}) as Publish & { source: string };
    expect(source).toBe('PULL_FROM_URL');
    const results = await followToEnd(publisher.token, jobId);
    expect(lastOf(results)).toMatchObject({
      status: 'FAILED',
      error: { code: 'POLICY_VIOLATION', tiktokReason: 'spam_risk_text' },
    });
    expect(lastOf(results).error?.message).toContain('not retried');
    expect(lastOf(results).complianceNotice).toContain('Community Guidelines');

    // Nothing asks TikTok again: one init, and no status poll after the failure.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(apiRequests('/v2/post/publish/video/init/')).toHaveLength(1);
    const polls = apiRequests('/v2/post/publish/status/fetch/').length;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(apiRequests('/v2/post/publish/status/fetch/')).toHaveLength(polls);
    expect(apiRequests('/v2/post/publish/video/init/')).toHaveLength(1);
    const read = await postGraphQL<{ tiktokPublish: Publish }>(system.gatewayUrl, READ, {
      token: publisher.token,
      variables: { jobId },
    });
    expect(read.body.data?.tiktokPublish).toMatchObject({
      status: 'FAILED',
      error: { code: 'POLICY_VIOLATION' },
    });
  }, 60_000);

  it('a signed post.publish.failed webhook settles a publish TikTok is processing, seen by tiktokPublishStatus', async () => {
    const answer = await publish(publisher.token, {
      connectionId: publisher.connectionId,
      videoUrl: `${simulator.url}/media/webhooked.mp4`,
    });
    const { jobId } = (answer.body.data?.publishTikTokVideo ?? {}) as Publish;
    const client = connectWs(system.gatewayUrl, publisher.token);
    clients.push(client);
    const stream = subscribeWs(client, STATUS, { jobId });
    let publishId: string | null = null;
    const deadline = Date.now() + 10_000;
    while (!publishId && Date.now() < deadline) {
      const read = await postGraphQL<{ tiktokPublish: Publish }>(system.gatewayUrl, READ, {
        token: publisher.token,
        variables: { jobId },
      });
      publishId = read.body.data?.tiktokPublish.publishId ?? null;
      if (!publishId) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // TikTok tells the app the post failed (the simulator itself would complete it a few seconds later).
    const delivered = await sendTikTokWebhook({
      gatewayUrl: system.gatewayUrl,
      keys: { clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET },
      event: 'post.publish.failed',
      openId: publisher.openId,
      content: {
        publish_id: publishId,
        reason: 'spam_risk_user_banned_from_posting',
        publish_type: 'DIRECT_PUBLISH',
      },
    });
    expect(delivered.status).toBe(200);
    await stream.ended;
    expect(lastOf(stream.results)).toMatchObject({
      status: 'FAILED',
      error: { code: 'POLICY_VIOLATION', tiktokReason: 'spam_risk_user_banned_from_posting' },
    });
    // The simulator's own completion, arriving later by poll or webhook, changes nothing.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const read = await postGraphQL<{ tiktokPublish: Publish }>(system.gatewayUrl, READ, {
      token: publisher.token,
      variables: { jobId },
    });
    expect(read.body.data?.tiktokPublish.status).toBe('FAILED');
  }, 60_000);

  it('a PULL_FROM_URL from an origin the operator did not allow is refused before any TikTok call', async () => {
    simulator.clearRequests();
    const simulatorPort = new URL(simulator.url).port;
    for (const videoUrl of [
      'https://evil.example/video.mp4',
      `http://127.0.0.1:${Number(simulatorPort) + 1}/video.mp4`,
      `http://localhost:${simulatorPort}/video.mp4`,
      `${simulator.url}@evil.example/video.mp4`,
      'file:///etc/passwd',
    ]) {
      const answer = await publish(publisher.token, { connectionId: publisher.connectionId, videoUrl });
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
      expect(answer.body.errors?.[0]?.message).toContain(simulator.url);
    }
    expect(simulator.requests()).toEqual([]);
  });

  it('without video.publish the answer is SCOPE_REQUIRED with a grant URL, before any TikTok call', async () => {
    const reader = await newPublisher(['user.info.basic']);
    simulator.clearRequests();
    const answer = await publish(reader.token, {
      connectionId: reader.connectionId,
      videoUrl: `${simulator.url}/media/v.mp4`,
    });
    const error = answer.body.errors?.[0];
    expect(error?.extensions?.['code']).toBe('SCOPE_REQUIRED');
    expect(error?.extensions?.['missingScopes']).toEqual(['video.publish']);
    expect(String(error?.extensions?.['grantUrl'])).toContain('/oauth/tiktok/start');
    expect(simulator.requests()).toEqual([]);
  });

  it('another workspace’s jobId and uploadId are NOT_FOUND (query, subscription, publish), with nothing sent to TikTok', async () => {
    const mine = await upload(publisher.token, randomBytes(64 * 1024));
    const { uploadId } = (await mine.json()) as { uploadId: string };
    const done = await publish(publisher.token, {
      connectionId: publisher.connectionId,
      videoUrl: `${simulator.url}/media/v.mp4`,
    });
    const jobId = ((done.body.data?.publishTikTokVideo ?? {}) as Publish).jobId;
    const other = await newPublisher(['user.info.basic', 'video.publish']);
    simulator.clearRequests();

    const read = await postGraphQL(system.gatewayUrl, READ, { token: other.token, variables: { jobId } });
    expect(read.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(JSON.stringify(read.body)).not.toContain(publisher.connectionId);
    const client = connectWs(system.gatewayUrl, other.token);
    clients.push(client);
    const stream = subscribeWs(client, STATUS, { jobId });
    await stream.ended;
    expect(
      stream.results.flatMap((result) => result.errors ?? []).map((e) => e.extensions?.['code']),
    ).toEqual(['NOT_FOUND']);
    const taken = await publish(other.token, { connectionId: other.connectionId, uploadId });
    expect(taken.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const foreignConnection = await publish(other.token, { connectionId: publisher.connectionId, uploadId });
    expect(foreignConnection.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(simulator.requests()).toEqual([]);
    // The owner still has its upload, untouched.
    const [row] = await sql<{ publishJobId: string | null }[]>`
      select publish_job_id as "publishJobId" from tiktok.uploads where id = ${uploadId}`;
    expect(row?.publishJobId).toBeNull();
  }, 60_000);

  it('an oversized upload is refused with a coded 413 and nothing is stored; so are uploads without a JWT, a length or a video type', async () => {
    const before = await countRows();
    const port = Number(new URL(system.gatewayUrl).port);
    const oversized = await rawRequest(port, {
      method: 'POST',
      target: '/uploads/tiktok',
      headers: {
        authorization: `Bearer ${publisher.token}`,
        'content-type': 'video/mp4',
        'content-length': String(MAX_UPLOAD + 1),
      },
    });
    expect(oversized.status).toBe(413);
    expect(JSON.parse(oversized.body)).toMatchObject({ error: { code: 'INVALID_REQUEST' } });

    // A body really sent past the limit (fetch announces its length): 413 too.
    const big = await upload(publisher.token, Buffer.alloc(MAX_UPLOAD + 1));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('INVALID_REQUEST');

    const chunked = await rawRequest(port, {
      method: 'POST',
      target: '/uploads/tiktok',
      headers: { authorization: `Bearer ${publisher.token}`, 'content-type': 'video/mp4' },
      body: randomBytes(1024),
      chunked: true,
    });
    expect(chunked.status).toBe(411);
    const anonymous = await fetch(`${system.gatewayUrl}/uploads/tiktok`, {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: randomBytes(1024),
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const notVideo = await upload(publisher.token, randomBytes(1024), 'text/html');
    expect(notVideo.status).toBe(415);
    expect(((await notVideo.json()) as { error: { code: string } }).error.code).toBe('INVALID_REQUEST');
    const otherPath = await fetch(`${system.gatewayUrl}/uploads/shopify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${publisher.token}`, 'content-type': 'video/mp4' },
      body: randomBytes(16),
    });
    expect(otherPath.status).toBe(404);
    expect(await countRows()).toEqual(before);
  }, 60_000);
});
