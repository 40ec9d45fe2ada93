import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { startTikTokSimulator, type TikTokSimulator } from '@ionflux/sandbox/tiktok';
import { postGraphQL } from '@ionflux/testing/http';
import { connectTikTokAccount, startSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A TikTok account's webhook deliveries and publish jobs through the gateway, as the console shows them:
// the deliveries TikTok (the simulator) sent about the account's publish, listed with their state and
// times; a dead one replayed until PROCESSED; the account's publishes newest first; nothing of it
// visible to another workspace.

const CLIENT_KEY = 'tiktok-deliveries-client-key';
const CLIENT_SECRET = 'tiktok-deliveries-client-secret-8a1f';

let simulator: TikTokSimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let sql: postgres.Sql;
let token: string;
let connectionId: string;
let jobId: string;

type Delivery = {
  id: string;
  connectionId: string;
  topic: string;
  status: string;
  attempts: number;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
};

const DELIVERIES = `query ($c: ID!, $status: TikTokWebhookDeliveryStatus, $first: Int) {
  tiktokWebhookDeliveries(connectionId: $c, status: $status, first: $first) {
    id connectionId topic status attempts error receivedAt processedAt
  }
}`;
const REPLAY = `mutation ($c: ID!, $id: ID!) {
  replayTikTokWebhookDelivery(connectionId: $c, id: $id) { id status attempts error }
}`;
const PUBLISHES = `query ($c: ID!, $first: Int) {
  tiktokPublishes(connectionId: $c, first: $first) { jobId connectionId source status title uploadedBytes videoSize }
}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const gql = <Data>(text: string, variables: Record<string, unknown>, as = token) =>
  postGraphQL<Data>(system.gatewayUrl, text, { token: as, variables });

async function deliveries(variables: Record<string, unknown> = {}, as = token) {
  const { body } = await gql<{ tiktokWebhookDeliveries: Delivery[] }>(
    DELIVERIES,
    { c: connectionId, ...variables },
    as,
  );
  return body;
}

beforeAll(async () => {
  simulator = await startTikTokSimulator({ clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET });
  const port = await freePort();
  system = await startSystem({
    PORT: String(port),
    IONFLUX_PUBLIC_URL: `http://127.0.0.1:${port}`,
    TIKTOK_CLIENT_KEY: CLIENT_KEY,
    TIKTOK_CLIENT_SECRET: CLIENT_SECRET,
    TIKTOK_AUTH_ORIGIN: simulator.url,
    TIKTOK_API_ORIGIN: simulator.url,
  });
  simulator.setWebhookUrl(new URL('/webhooks/tiktok', system.gatewayUrl).toString());
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
  simulator.addCreator('deliveries_creator', 1);
  token = await system.tokenFor(randomUUID());
  connectionId = await connectTikTokAccount({
    gatewayUrl: system.gatewayUrl,
    simulator,
    token,
    creatorId: randomUUID(),
    scopes: ['user.info.basic', 'video.publish'],
    username: 'deliveries_creator',
  });
  // A post from an uploaded file: TikTok answers its progress with post.publish.* webhooks.
  const uploaded = await fetch(`${system.gatewayUrl}/uploads/tiktok`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'video/mp4' },
    body: Uint8Array.from(randomBytes(32 * 1024)),
  });
  const { uploadId } = (await uploaded.json()) as { uploadId: string };
  const published = await gql<{ publishTikTokVideo: { jobId: string } }>(
    `mutation ($input: PublishTikTokVideoInput!) { publishTikTokVideo(input: $input) { jobId } }`,
    { input: { connectionId, uploadId, privacyLevel: 'SELF_ONLY', title: 'Deliveries #ionflux' } },
  );
  jobId = published.body.data?.publishTikTokVideo.jobId ?? '';
  if (!jobId) throw new Error(`publishTikTokVideo failed: ${JSON.stringify(published.body.errors)}`);
}, 90_000);

afterAll(async () => {
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('a TikTok account’s webhook deliveries and publishes through the gateway', () => {
  it('lists the deliveries TikTok sent about the account, newest first, each PROCESSED with its times', async () => {
    await vi.waitFor(
      async () => {
        const body = await deliveries();
        expect(body.errors).toBeUndefined();
        const listed = body.data?.tiktokWebhookDeliveries ?? [];
        expect(listed.map((d) => d.topic)).toContain('post.publish.complete');
        expect(listed.every((d) => d.status === 'PROCESSED')).toBe(true);
      },
      { timeout: 30_000, interval: 300 },
    );
    const listed = (await deliveries()).data?.tiktokWebhookDeliveries ?? [];
    const sent = simulator.webhookDeliveries().map((d) => d.event);
    expect(listed.map((d) => d.topic).sort()).toEqual([...sent].sort());
    for (const delivery of listed) {
      expect(delivery).toMatchObject({ connectionId, attempts: 1, error: null });
      expect(Date.parse(delivery.processedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(delivery.receivedAt));
    }
    const received = listed.map((d) => Date.parse(d.receivedAt));
    expect(received).toEqual([...received].sort((a, b) => b - a));
    // One of them, by status and count.
    const one = await deliveries({ status: 'PROCESSED', first: 1 });
    expect(one.data?.tiktokWebhookDeliveries).toHaveLength(1);
    expect((await deliveries({ status: 'DEAD' })).data?.tiktokWebhookDeliveries).toEqual([]);
  }, 45_000);

  it('replays a dead delivery until it is PROCESSED again', async () => {
    const [complete] =
      (await deliveries()).data?.tiktokWebhookDeliveries.filter((d) => d.topic === 'post.publish.complete') ??
      [];
    if (!complete) throw new Error('no post.publish.complete delivery');
    // The state a worker leaves a delivery in after its last failed attempt.
    await sql`
      update kit.webhook_deliveries set status = 'DEAD', attempts = 5, last_error = 'simulated: retries ran out'
      where id = ${complete.id}`;
    expect((await deliveries({ status: 'DEAD' })).data?.tiktokWebhookDeliveries).toMatchObject([
      { id: complete.id, status: 'DEAD', attempts: 5, error: 'simulated: retries ran out' },
    ]);
    const replayed = await gql<{ replayTikTokWebhookDelivery: { status: string; attempts: number } }>(
      REPLAY,
      {
        c: connectionId,
        id: complete.id,
      },
    );
    expect(replayed.body.errors).toBeUndefined();
    expect(replayed.body.data?.replayTikTokWebhookDelivery.attempts).toBe(0);
    await vi.waitFor(
      async () => {
        const [row] =
          (await deliveries()).data?.tiktokWebhookDeliveries.filter((d) => d.id === complete.id) ?? [];
        expect(row).toMatchObject({ status: 'PROCESSED', attempts: 1 });
      },
      { timeout: 15_000, interval: 200 },
    );
    // Applied again, the settled publish keeps its outcome.
    const { body } = await gql<{ tiktokPublish: { status: string } }>(
      'query ($jobId: ID!) { tiktokPublish(jobId: $jobId) { status } }',
      { jobId },
    );
    expect(body.data?.tiktokPublish.status).toBe('PUBLISH_COMPLETE');
  }, 30_000);

  it('lists the account’s publishes newest first', async () => {
    const { body } = await gql<{ tiktokPublishes: Record<string, unknown>[] }>(PUBLISHES, {
      c: connectionId,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.tiktokPublishes).toEqual([
      {
        jobId,
        connectionId,
        source: 'FILE_UPLOAD',
        status: 'PUBLISH_COMPLETE',
        title: 'Deliveries #ionflux',
        uploadedBytes: 32 * 1024,
        videoSize: 32 * 1024,
      },
    ]);
  });

  it('refuses a first out of range with INVALID_REQUEST', async () => {
    for (const first of [0, 201]) {
      expect((await deliveries({ first })).errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
    }
    for (const first of [0, 101]) {
      const { body } = await gql(PUBLISHES, { c: connectionId, first });
      expect(body.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
    }
  });

  it('shows another workspace nothing and lets it replay nothing, with its own account or without', async () => {
    const [delivery] = (await deliveries()).data?.tiktokWebhookDeliveries ?? [];
    if (!delivery) throw new Error('no delivery');
    const other = await system.tokenFor(randomUUID());
    simulator.addCreator('other_workspace_creator', 1);
    const otherConnection = await connectTikTokAccount({
      gatewayUrl: system.gatewayUrl,
      simulator,
      token: other,
      creatorId: randomUUID(),
      scopes: ['user.info.basic'],
      username: 'other_workspace_creator',
    });
    const codes = [
      (await deliveries({}, other)).errors?.[0]?.extensions?.['code'],
      (await gql(PUBLISHES, { c: connectionId }, other)).body.errors?.[0]?.extensions?.['code'],
      (await gql(REPLAY, { c: connectionId, id: delivery.id }, other)).body.errors?.[0]?.extensions?.['code'],
      (await gql(REPLAY, { c: otherConnection, id: delivery.id }, other)).body.errors?.[0]?.extensions?.[
        'code'
      ],
      (await gql(REPLAY, { c: otherConnection, id: 'not-a-uuid' }, other)).body.errors?.[0]?.extensions?.[
        'code'
      ],
    ];
    expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    // Its own account's list holds none of the first account's deliveries.
    const own = await deliveries({}, other);
    expect(own.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const ownList = await gql<{ tiktokWebhookDeliveries: Delivery[] }>(
      DELIVERIES,
      { c: otherConnection },
      other,
    );
    expect(ownList.body.data?.tiktokWebhookDeliveries.map((d) => d.id)).not.toContain(delivery.id);
    const [row] = await sql<
      { status: string }[]
    >`select status from kit.webhook_deliveries where id = ${delivery.id}`;
    expect(row?.status).toBe('PROCESSED');
  }, 30_000);
});
