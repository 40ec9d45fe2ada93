import { randomBytes, randomUUID } from 'node:crypto';
import { connectDatabase } from '@ionflux/kit/db';
import { createPostgresEventBus } from '@ionflux/kit/events';
import { createLogger } from '@ionflux/kit/logging';
import { notify } from '@ionflux/kit/notifications';
import {
  connectShopifyStore,
  connectTikTokAccount,
  ledgerSettled,
  publishTikTokUpload,
} from '@ionflux/testing/system';
import postgres from 'postgres';
import type { ValueCandidates } from './build-operations.ts';
import { sendGraphQL } from './send-graphql.ts';
import type { TargetSystem } from './start-target-system.ts';

/** A workspace with real data of every kind, whose ids another workspace will try. */
export interface VictimWorkspace {
  workspaceId: string;
  userId: string;
  token: string;
  shop: string;
  connectionIds: string[];
  /** The webhook deliveries about its store and its TikTok account, all settled (PROCESSED). */
  deliveryIds: string[];
  /** Argument values by name, taken from this workspace's data. */
  candidates: ValueCandidates;
  /** Values only this workspace's data contains: none may appear in another workspace's answers. */
  markers: string[];
  /** The marker title of a notification raised later (for subscriptions). */
  raiseNotification(title: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Gives a workspace real data: a Shopify store connected through the kit OAuth flow against the
 * simulator (with a product of its own), LLM usage rows, a quota, a fallback, its own provider key,
 * notifications, and a TikTok creator account (with videos) connected through the gateway's TikTok OAuth
 * flow against the simulator, with a video it uploaded and published (settled, its webhooks applied),
 * and a privacy request Shopify sent about the store (applied).
 */
export async function seedVictimWorkspace(target: TargetSystem): Promise<VictimWorkspace> {
  const tag = randomBytes(5).toString('hex');
  const workspaceId = randomUUID();
  const userId = randomUUID();
  const token = await target.system.tokenFor(workspaceId, userId);
  const shop = `victim-${tag}.myshopify.com`;
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await sendGraphQL(target.system.gatewayUrl, { query, variables, token });
    if (answer.body?.errors) throw new Error(`seeding failed: ${answer.text.slice(0, 500)}`);
    return answer.body?.data ?? {};
  };

  const shopifyConnectionId = await connectShopifyStore({
    databaseUrl: target.system.databaseUrl,
    simulator: target.shopify,
    keys: target.shopifyKeys,
    workspaceId,
    userId,
    shop,
    scopes: ['read_products', 'read_orders', 'read_customers', 'write_discounts'],
  });
  const productTitle = `Victim product ${tag}`;
  const product = target.shopify.createProduct(shop, { title: productTitle });
  const orders = (await gql(
    'query ($c: ID!) { shopifyOrders(connectionId: $c, first: 1) { nodes { id } } }',
    {
      c: shopifyConnectionId,
    },
  )) as { shopifyOrders: { nodes: { id: string }[] } };
  const orderGid = orders.shopifyOrders.nodes[0]?.id;
  if (!orderGid) throw new Error('seeding failed: the victim store has no order');

  const requestId = `victim-request-${tag}`;
  await gql(
    `mutation { createCompletion(input: { prompt: "victim prompt ${tag}", requestId: "${requestId}", parameters: { maxTokens: 8 } }) { status } }`,
  );
  await gql('mutation { createEmbedding(input: { input: ["victim text"] }) { status } }');
  await gql(
    'mutation { setLlmQuota(input: { period: MONTH, maxTokens: 7654321, maxCostUsd: 4321.5 }) { period } }',
  );
  const fallbackModel = `claude-victim-${tag}`;
  await gql(`mutation { setLlmFallback(provider: CLAUDE, model: "${fallbackModel}") { model } }`);
  const providerKey = `sk-victim-${randomBytes(16).toString('hex')}`;
  target.llm.addKey('openai', providerKey);
  await gql('mutation ($k: String!) { setWorkspaceProviderKey(provider: OPENAI, apiKey: $k) { lastFour } }', {
    k: providerKey,
  });

  const creatorId = randomUUID();
  const creator = target.tiktok.addCreator(`victim_${tag}`, 3);
  const tiktokConnectionId = await connectTikTokAccount({
    gatewayUrl: target.system.gatewayUrl,
    simulator: target.tiktok,
    token,
    creatorId,
    scopes: ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list', 'video.publish'],
    username: creator.username,
  });
  const videos = (await gql('query ($c: ID!) { tiktokVideos(connectionId: $c) { nodes { id } } }', {
    c: tiktokConnectionId,
  })) as { tiktokVideos: { nodes: { id: string }[] } };
  const videoIds = videos.tiktokVideos.nodes.map((video) => video.id);
  if (videoIds.length === 0) throw new Error('seeding failed: the victim creator has no video');

  const published = await publishVictimVideo(target, token, tiktokConnectionId, gql);

  const database = connectDatabase(target.system.databaseUrl, { maxConnections: 2 });
  const sql = postgres(target.system.databaseUrl, { max: 1, onnotice: () => {} });
  const bus = await createPostgresEventBus({
    sql: database.sql,
    logger: createLogger({ service: 'security-seed', level: 'silent' }),
  });
  try {
    await ledgerSettled(sql, workspaceId);
    // A webhook Shopify signs about the store (it has no subscriptions: the store was connected without
    // the callback that registers them): a privacy request, which changes no mirror row.
    target.shopify.sendComplianceWebhook(shop, 'customers/data_request', {
      url: `${target.publicUrl}/webhooks/shopify`,
    });
    await target.shopify.webhooksIdle();
    const deliveries = await settledDeliveries(sql, { shopify: shop, tiktok: creator.openId });
    const noticeTitle = `Victim notice ${tag}`;
    await notify(
      { sql: database.sql, bus },
      {
        workspaceId,
        kind: 'WORKSPACE_READY',
        severity: 'WARNING',
        title: noticeTitle,
        message: `victim message ${tag}`,
        provider: 'shopify',
        connectionId: shopifyConnectionId,
      },
    );
    const [brand] = await sql<{ owner_id: string }[]>`
      select owner_id from kit.integration_connections where id = ${shopifyConnectionId}`;
    const notifications = await sql<{ id: string }[]>`
      select id from kit.workspace_notifications where workspace_id = ${workspaceId} order by created_at`;
    const brandId = brand?.owner_id ?? '';
    const notificationIds = notifications.map((row) => row.id);
    const now = Date.now();
    return {
      workspaceId,
      userId,
      token,
      shop,
      connectionIds: [shopifyConnectionId, tiktokConnectionId],
      deliveryIds: [...deliveries.shopify, ...deliveries.tiktok],
      candidates: {
        connectionId: [shopifyConnectionId, tiktokConnectionId],
        brandId: [brandId],
        creatorId: [creatorId],
        id: [orderGid, product.admin_graphql_api_id, deliveries.shopify[0], deliveries.tiktok[0]],
        productId: [product.admin_graphql_api_id],
        videoIds: [videoIds],
        jobId: [published.jobId],
        uploadId: [published.uploadId],
        ids: [notificationIds],
        shop: [shop],
        from: [new Date(now - 86_400_000).toISOString()],
        to: [new Date(now + 86_400_000).toISOString()],
      },
      markers: [
        workspaceId,
        userId,
        shopifyConnectionId,
        tiktokConnectionId,
        brandId,
        creatorId,
        shop,
        orderGid,
        product.admin_graphql_api_id,
        productTitle,
        creator.openId,
        creator.username,
        creator.displayName,
        ...videoIds,
        published.jobId,
        published.uploadId,
        published.publishId,
        noticeTitle,
        `victim message ${tag}`,
        ...notificationIds,
        ...deliveries.shopify,
        ...deliveries.tiktok,
        requestId,
        fallbackModel,
        providerKey,
        '7654321',
        '4321.5',
      ],
      async raiseNotification(title) {
        await notify(
          { sql: database.sql, bus },
          { workspaceId, kind: 'WORKSPACE_READY', severity: 'INFO', title, message: `${title} (message)` },
        );
      },
      async close() {
        await bus.close();
        await sql.end();
        await database.close();
      },
    };
  } catch (error) {
    await bus.close();
    await sql.end();
    await database.close();
    throw error;
  }
}

/**
 * Uploads a small file through the gateway and publishes it on the victim's TikTok connection, then waits
 * until the publish is final and TikTok's post.publish.* webhooks about it are applied, so nothing of the
 * victim changes on its own while the attacks run.
 */
async function publishVictimVideo(
  target: TargetSystem,
  token: string,
  connectionId: string,
  gql: (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>,
): Promise<{ jobId: string; uploadId: string; publishId: string }> {
  const { jobId, uploadId } = await publishTikTokUpload({
    gatewayUrl: target.system.gatewayUrl,
    token,
    connectionId,
    title: 'Victim post #victim',
    size: 64 * 1024,
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const read = (await gql('query ($j: ID!) { tiktokPublish(jobId: $j) { status publishId } }', {
      j: jobId,
    })) as { tiktokPublish: { status: string; publishId: string | null } };
    const { status, publishId } = read.tiktokPublish;
    const webhooks = publishId
      ? target.tiktok.webhookDeliveries().filter((d) => d.body.includes(publishId))
      : [];
    const sql = postgres(target.system.databaseUrl, { max: 1, onnotice: () => {} });
    const [open] = await sql<{ n: number }[]>`
      select count(*)::int as n from kit.webhook_deliveries
      where provider = 'tiktok' and status in ('RECEIVED', 'PROCESSING')`;
    await sql.end();
    if (
      status === 'PUBLISH_COMPLETE' &&
      publishId &&
      webhooks.length > 0 &&
      webhooks.every((d) => d.status === 200) &&
      open?.n === 0
    ) {
      return { jobId, uploadId, publishId };
    }
    if (status === 'FAILED' || Date.now() > deadline) {
      throw new Error(
        `seeding failed: the victim's publish is ${status} (webhooks ${JSON.stringify(webhooks)})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The ids of the stored deliveries about each provider's account, once there is at least one of each and
 * every one is PROCESSED (so none changes on its own while the attacks run).
 */
async function settledDeliveries(
  sql: postgres.Sql,
  accounts: { shopify: string; tiktok: string },
): Promise<{ shopify: string[]; tiktok: string[] }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = await sql<{ id: string; provider: 'shopify' | 'tiktok'; status: string }[]>`
      select id, provider, status from kit.webhook_deliveries
      where (provider = 'shopify' and account_id = ${accounts.shopify})
         or (provider = 'tiktok' and account_id = ${accounts.tiktok})
      order by received_at, id`;
    const of = (provider: 'shopify' | 'tiktok') =>
      rows.filter((row) => row.provider === provider).map((row) => row.id);
    const settled = rows.every((row) => row.status === 'PROCESSED');
    if (settled && of('shopify').length > 0 && of('tiktok').length > 0) {
      return { shopify: of('shopify'), tiktok: of('tiktok') };
    }
    if (Date.now() > deadline) {
      throw new Error(`seeding failed: the victim's deliveries did not settle: ${JSON.stringify(rows)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
