import { randomUUID } from 'node:crypto';
import { freePort } from '@ionflux/kit/server';
import { startTikTokSimulator, type TikTokSimulator } from '@ionflux/sandbox/tiktok';
import { postGraphQL } from '@ionflux/testing/http';
import {
  connectTikTokAccount,
  publishTikTokUpload,
  sendTikTokWebhook,
  startSystem,
} from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A TikTok account's webhook deliveries and publish jobs through the gateway, as the console shows them:
// the deliveries TikTok (the simulator) sent about the account's publish, listed with their state and
// times; one that died for real replayed until PROCESSED and applied; the account's publishes newest
// first; nothing of it visible to another workspace.

const KEYS = {
  clientKey: 'tiktok-deliveries-client-key',
  clientSecret: 'tiktok-deliveries-client-secret-8a1f',
};

let simulator: TikTokSimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let sql: postgres.Sql;
let token: string;
let connectionId: string;
let openId: string;
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
  simulator = await startTikTokSimulator(KEYS);
  const port = await freePort();
  system = await startSystem({
    PORT: String(port),
    IONFLUX_PUBLIC_URL: `http://127.0.0.1:${port}`,
    TIKTOK_CLIENT_KEY: KEYS.clientKey,
    TIKTOK_CLIENT_SECRET: KEYS.clientSecret,
    TIKTOK_AUTH_ORIGIN: simulator.url,
    TIKTOK_API_ORIGIN: simulator.url,
    // A delivery whose application fails is DEAD after its second attempt (about 3 s later).
    IONFLUX_WEBHOOK_MAX_ATTEMPTS: '2',
  });
  simulator.setWebhookUrl(new URL('/webhooks/tiktok', system.gatewayUrl).toString());
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
  ({ openId } = simulator.addCreator('deliveries_creator', 1));
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
  ({ jobId } = await publishTikTokUpload({
    gatewayUrl: system.gatewayUrl,
    token,
    connectionId,
    title: 'Deliveries #ionflux',
  }));
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

  it('replays a delivery that died for real until it is PROCESSED, and its change is applied', async () => {
    const PUBLISH = 'query ($jobId: ID!) { tiktokPublish(jobId: $jobId) { status publishId postIds } }';
    type Publish = { status: string; publishId: string | null; postIds: string[] };
    const publishOf = async () => (await gql<{ tiktokPublish: Publish }>(PUBLISH, { jobId })).body.data;
    const { publishId } = (await publishOf())?.tiktokPublish ?? {};
    if (!publishId) throw new Error('the publish has no publish_id');
    // TikTok says the post is now public (the creator changed its privacy on TikTok) while the table the
    // worker applies it to is missing (a botched migration, say): each attempt fails with PostgreSQL's
    // error, and after IONFLUX_WEBHOOK_MAX_ATTEMPTS (2 here) the delivery is DEAD.
    const postId = `7${Date.now()}`;
    await sql`alter table tiktok.publish_jobs rename to publish_jobs_away`;
    let dead: Delivery | undefined;
    try {
      const sent = await sendTikTokWebhook({
        gatewayUrl: system.gatewayUrl,
        keys: KEYS,
        event: 'post.publish.publicly_available',
        openId,
        content: { publish_id: publishId, post_id: postId, publish_type: 'DIRECT_PUBLISH' },
      });
      expect(sent.status).toBe(200);
      await vi.waitFor(
        async () => {
          [dead] = (await deliveries({ status: 'DEAD' })).data?.tiktokWebhookDeliveries ?? [];
          expect(dead).toBeDefined();
        },
        { timeout: 30_000, interval: 250 },
      );
    } finally {
      await sql`alter table tiktok.publish_jobs_away rename to publish_jobs`;
    }
    if (!dead) throw new Error('the delivery did not die');
    expect(dead).toMatchObject({
      connectionId,
      topic: 'post.publish.publicly_available',
      attempts: 2,
      processedAt: null,
    });
    expect(dead.error).toContain('relation "tiktok.publish_jobs" does not exist');
    expect((await publishOf())?.tiktokPublish.postIds).not.toContain(postId);

    const replayed = await gql<{ replayTikTokWebhookDelivery: Delivery }>(REPLAY, {
      c: connectionId,
      id: dead.id,
    });
    expect(replayed.body.errors).toBeUndefined();
    // The answer is the delivery just after its reset; a worker may already have taken it.
    expect(replayed.body.data?.replayTikTokWebhookDelivery.id).toBe(dead.id);
    expect(['RECEIVED', 'PROCESSING', 'PROCESSED']).toContain(
      replayed.body.data?.replayTikTokWebhookDelivery.status,
    );
    await vi.waitFor(
      async () => {
        const [row] =
          (await deliveries()).data?.tiktokWebhookDeliveries.filter((d) => d.id === dead?.id) ?? [];
        expect(row).toMatchObject({ status: 'PROCESSED', attempts: 1, error: null });
        expect(Date.parse(row?.processedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(row?.receivedAt ?? ''));
      },
      { timeout: 15_000, interval: 200 },
    );
    // Applied this time: the publish now names the public post, and keeps its outcome.
    expect((await publishOf())?.tiktokPublish).toMatchObject({
      status: 'PUBLISH_COMPLETE',
      postIds: [postId],
    });
    expect((await deliveries({ status: 'DEAD' })).data?.tiktokWebhookDeliveries).toEqual([]);
  }, 60_000);

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
