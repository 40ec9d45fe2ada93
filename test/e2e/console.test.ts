import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMasterKey } from '@ionflux/kit/crypto';
import { freePort } from '@ionflux/kit/server';
import {
  DEMO_SHOP,
  type LlmSimulator,
  type ShopifySimulator,
  startLlmSimulator,
  startShopifySimulator,
  startTikTokSimulator,
  type TikTokSimulator,
} from '@ionflux/sandbox';
import { launchBrowser, newLoopbackOnlyContext } from '@ionflux/testing/browser';
import { postGraphQL } from '@ionflux/testing/http';
import {
  connectTikTokAccount,
  ledgerSettled,
  publishTikTokUpload,
  type SystemUnderTest,
  sendTikTokWebhook,
  startSystem,
} from '@ionflux/testing/system';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The integration console end to end: headless Chromium at 1280x800 against the real gateway, subgraphs,
// Postgres and the sandbox's Shopify store and LLM providers; every request off the loopback interface is
// aborted and asserted absent. Each page is screenshotted under test-results/console/.

const root = fileURLToPath(new URL('../../', import.meta.url));
const shotsDir = join(root, 'test-results', 'console');
const bundleDir = join(root, 'gateway', 'dist', 'console', 'assets');

let llm: LlmSimulator;
let simulator: ShopifySimulator;
let tiktok: TikTokSimulator;
let system: SystemUnderTest;
let sql: postgres.Sql;
let browser: Browser;
let context: BrowserContext;
let offRequests: string[];
let page: Page;
const requestUrls: string[] = [];
let connectionId = '';
const tiktokKeys = {
  clientKey: `e2e-tt-${randomUUID().slice(0, 8)}`,
  clientSecret: `e2e-tt-${randomUUID()}`,
};

const graphql = <T>(query: string, variables: Record<string, unknown> = {}, token = system.token) =>
  postGraphQL<T>(system.gatewayUrl, query, { token, variables });

/** Opens a console page by its fragment and waits until it has rendered its data. */
async function openPage(name: string, on: Page = page): Promise<void> {
  await on.goto(`${system.gatewayUrl}/console#${name}`);
  await on.reload();
  await on.waitForSelector(`main[data-page="${name}"][data-ready="true"]`, { timeout: 15_000 });
}

type ChartData = { x: number[]; series: { label: string; values: number[] }[] };
/** The plotted data of the chart captioned exactly `caption`. */
async function chartData(caption: string): Promise<ChartData> {
  const figure = page.locator('figure.chart', { has: page.getByText(caption, { exact: true }) });
  return JSON.parse((await figure.getAttribute('data-chart')) ?? 'null') as ChartData;
}

const screenshot = (name: string) => page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });

beforeAll(async () => {
  await mkdir(shotsDir, { recursive: true });
  const openaiKey = `sk-central-${randomBytes(12).toString('hex')}`;
  const apiKey = `e2e-${randomUUID().slice(0, 8)}`;
  const apiSecret = `e2e-secret-${randomUUID()}`;
  [llm, simulator, tiktok, browser] = await Promise.all([
    startLlmSimulator({ apiKeys: { openai: openaiKey, anthropic: 'unused', gemini: 'unused' } }),
    startShopifySimulator({
      apiKey,
      apiSecret,
      webhookRetryDelaysMs: [100, 400, 1000],
      bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 },
    }),
    startTikTokSimulator(tiktokKeys),
    launchBrowser(),
  ]);
  const port = await freePort();
  system = await startSystem({
    PORT: String(port),
    IONFLUX_PUBLIC_URL: `http://127.0.0.1:${port}`,
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_ADMIN_ORIGIN: simulator.adminOriginTemplate,
    SHOPIFY_API_VERSION: simulator.apiVersion,
    SHOPIFY_BULK_POLL_MS: '100',
    IONFLUX_MASTER_KEY: generateMasterKey('e2e-console'),
    OPENAI_API_KEY: openaiKey,
    OPENAI_BASE_URL: llm.openaiBaseUrl,
    TIKTOK_CLIENT_KEY: tiktokKeys.clientKey,
    TIKTOK_CLIENT_SECRET: tiktokKeys.clientSecret,
    TIKTOK_AUTH_ORIGIN: tiktok.url,
    TIKTOK_API_ORIGIN: tiktok.url,
    IONFLUX_WEBHOOK_MAX_ATTEMPTS: '2',
  });
  sql = postgres(system.databaseUrl, { max: 2, onnotice: () => {} });
  ({ context, offRequests } = await newLoopbackOnlyContext(browser));
  context.on('request', (request) => requestUrls.push(request.url()));
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await sql?.end();
  await system?.stop();
  await simulator?.close();
  await tiktok?.close();
  await llm?.close();
});

describe('the integration console at /console', () => {
  it('loads with the dev JWT given in the URL fragment, which no request carries', async () => {
    await page.goto(`${system.gatewayUrl}/console#token=${system.token}`);
    await page.waitForSelector('main[data-page="connections"][data-ready="true"]');
    await expect(page.getByRole('heading', { name: 'Connections' })).toBeTruthy();
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('ionflux.console.token'))).toBe(system.token);
    expect(await page.locator('table[aria-label="Shopify connections"] tbody tr').count()).toBe(0);
    expect(requestUrls.filter((url) => url.includes(system.token))).toEqual([]);
    expect(offRequests).toEqual([]);
  });

  it('connects the demo store from the console: CONNECTED, then synced', async () => {
    await openPage('connections');
    await page.fill('#connect-brand', randomUUID());
    await page.fill('#connect-shop', DEMO_SHOP);
    await page.click('form[aria-label="Connect a Shopify store"] button[type="submit"]');
    // The sandbox store's consent page, then the gateway's callback page.
    await page.getByRole('button', { name: 'Install app' }).click({ timeout: 15_000 });
    await page.waitForURL(/\/oauth\/shopify\/callback/, { timeout: 15_000 });
    await openPage('connections');
    const status = page.locator('[data-connection-status]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('CONNECTED');
    connectionId = (await status.getAttribute('data-connection-status')) ?? '';
    await expect
      .poll(
        async () => {
          await openPage('connections');
          return [
            await page.locator(`[data-sync-status="${connectionId}"]`).textContent(),
            (await page.locator(`[data-last-synced="${connectionId}"]`).textContent()) !== '—',
          ];
        },
        { timeout: 60_000, interval: 500 },
      )
      .toEqual(['IDLE', true]);
    // The sync's Admin API calls are the connection's last successful calls.
    expect(await page.locator(`[data-last-call="${connectionId}"]`).textContent()).toMatch(/ UTC$/);
    await screenshot('connections');
    expect(offRequests).toEqual([]);
  }, 90_000);

  it('shows an order created at the sandbox store in the live feed and moves the revenue chart’s last point', async () => {
    const [variant] = await sql<{ variantId: string }[]>`
      select v.variant_id as "variantId"
      from shopify.product_variants as v join shopify.products as p using (connection_id, product_id)
      where v.connection_id = ${connectionId} and p.status = 'ACTIVE' and v.inventory_quantity > 40
      order by v.variant_id limit 1`;
    if (!variant) throw new Error('no stocked variant in the mirror');
    await openPage('sales');
    // The live feed subscribes over graphql-ws; give the gateway its upstream subscription.
    await expect
      .poll(() => system.gateway.subscriptions.stats().upstreamSubscriptions, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const before = await chartData('Revenue');
    const lastBefore = before.series[0]?.values.at(-1) ?? 0;
    const order = simulator.createOrder(DEMO_SHOP, {
      lineItems: [{ variantId: variant.variantId, quantity: 1, price: '42.50' }],
      shippingPrice: '0',
    });
    const feedItem = page.locator('#sales-feed li[data-event-kind="NEW_ORDER"]', { hasText: order.name });
    await feedItem.waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await chartData('Revenue')).series[0]?.values.at(-1), { timeout: 10_000 })
      .toBeCloseTo(lastBefore + Number(order.total_price), 2);
    await screenshot('sales');
    expect(offRequests).toEqual([]);
  }, 60_000);

  it('replays a dead webhook delivery from the console until it is PROCESSED', async () => {
    await simulator.webhooksIdle();
    const [variant] = await sql<{ variantId: string }[]>`
      select v.variant_id as "variantId" from shopify.product_variants as v
      where v.connection_id = ${connectionId} and v.inventory_quantity > 40 order by v.variant_id limit 1`;
    if (!variant) throw new Error('no stocked variant in the mirror');
    // The mirror's orders table goes missing (a botched migration, say): applying an order fails for real,
    // is retried (IONFLUX_WEBHOOK_MAX_ATTEMPTS=2 here) and ends DEAD with the database's error.
    await sql`alter table shopify.orders rename to orders_away`;
    let dead: { id: string; lastError: string } | undefined;
    try {
      const order = simulator.createOrder(DEMO_SHOP, {
        lineItems: [{ variantId: variant.variantId, quantity: 1, price: '9.50' }],
        shippingPrice: '0',
      });
      await expect
        .poll(
          async () => {
            [dead] = await sql<{ id: string; lastError: string }[]>`
              select id, last_error as "lastError" from kit.webhook_deliveries
              where provider = 'shopify' and topic = 'orders/create' and payload ->> 'id' = ${String(order.id)}
                and status = 'DEAD'`;
            return dead?.id;
          },
          { timeout: 30_000, interval: 250 },
        )
        .toBeTruthy();
    } finally {
      await sql`alter table shopify.orders_away rename to orders`;
    }
    if (!dead) throw new Error('the delivery did not die');
    const { id, lastError } = dead;
    expect(lastError).toContain('orders');
    await openPage('webhooks');
    expect(await page.locator(`[data-delivery-status="${id}"]`).textContent()).toBe('DEAD');
    await screenshot('webhooks-dead');
    await page.click(`button[data-replay="${id}"]`);
    await expect
      .poll(
        async () => {
          await openPage('webhooks');
          return page.locator(`[data-delivery-status="${id}"]`).textContent();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('PROCESSED');
    const [row] = await sql<{ status: string; attempts: number; lastError: string | null }[]>`
      select status, attempts, last_error as "lastError" from kit.webhook_deliveries where id = ${id}`;
    expect(row).toEqual({ status: 'PROCESSED', attempts: 1, lastError: null });
    await screenshot('webhooks');
    expect(offRequests).toEqual([]);
  }, 60_000);

  it('refuses deliveries and replays of another workspace’s connection, and a bad first', async () => {
    const [delivery] = await sql<{ id: string }[]>`
      select id from kit.webhook_deliveries where provider = 'shopify' and account_id = ${DEMO_SHOP} limit 1`;
    const stranger = await system.tokenFor(randomUUID());
    const list = await graphql<unknown>(
      'query ($c: ID!) { shopifyWebhookDeliveries(connectionId: $c) { id } }',
      { c: connectionId },
      stranger,
    );
    expect(list.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const replay = await graphql<unknown>(
      'mutation ($c: ID!, $id: ID!) { replayShopifyWebhookDelivery(connectionId: $c, id: $id) { id } }',
      { c: connectionId, id: delivery?.id },
      stranger,
    );
    expect(replay.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const unknown = await graphql<unknown>(
      'mutation ($c: ID!, $id: ID!) { replayShopifyWebhookDelivery(connectionId: $c, id: $id) { id } }',
      { c: connectionId, id: randomUUID() },
    );
    expect(unknown.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const tooMany = await graphql<unknown>(
      'query ($c: ID!) { shopifyWebhookDeliveries(connectionId: $c, first: 201) { id } }',
      { c: connectionId },
    );
    expect(tooMany.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
  });

  it('charts the LLM calls the test made, with their cost', async () => {
    for (const prompt of ['Console test call one', 'Console test call two']) {
      const { body } = await graphql<{ createCompletion: { status: string } }>(
        'mutation ($input: CompletionInput!) { createCompletion(input: $input) { status } }',
        { input: { provider: 'OPENAI', prompt, parameters: { maxTokens: 40 } } },
      );
      expect(body.data?.createCompletion.status).toBe('SUCCESS');
    }
    await ledgerSettled(sql, system.workspaceId);
    const { body } = await graphql<{
      llmUsage: { requests: number; totalTokens: number; estimatedCostUsd: number };
    }>(
      'query ($f: DateTime!, $t: DateTime!) { llmUsage(from: $f, to: $t) { requests totalTokens estimatedCostUsd } }',
      { f: new Date(Date.now() - 3_600_000), t: new Date(Date.now() + 60_000) },
    );
    const usage = body.data?.llmUsage;
    expect(usage?.requests).toBe(2);
    expect(usage?.estimatedCostUsd).toBeGreaterThan(0);
    await openPage('llm');
    const tokens = await chartData('Tokens per day');
    const cost = await chartData('Estimated cost per day (USD)');
    expect(tokens.series[0]?.values.at(-1)).toBe(usage?.totalTokens);
    expect(cost.series[0]?.values.at(-1)).toBeCloseTo(usage?.estimatedCostUsd ?? -1, 9);
    // The same calls, charted by provider, model and user.
    const { body: groups } = await graphql<{
      llmUsage: { groups: { provider: string; model: string; userId: string }[] };
    }>(
      'query ($f: DateTime!, $t: DateTime!) { llmUsage(from: $f, to: $t) { groups { provider model userId } } }',
      {
        f: new Date(Date.now() - 3_600_000),
        t: new Date(Date.now() + 60_000),
      },
    );
    const group = groups.data?.llmUsage.groups[0];
    const byProvider = await chartData('Tokens per day by provider');
    expect(byProvider.series.map((s) => [s.label, s.values.at(-1)])).toEqual([
      ['OPENAI', usage?.totalTokens],
    ]);
    const byModel = await chartData('Estimated cost per day by model (USD)');
    expect(byModel.series.map((s) => s.label)).toEqual([`OPENAI ${group?.model}`]);
    expect(byModel.series[0]?.values.at(-1)).toBeCloseTo(usage?.estimatedCostUsd ?? -1, 9);
    const byUser = await chartData('Tokens per day by user');
    expect(byUser.series.map((s) => [s.label, s.values.at(-1)])).toEqual([
      [group?.userId, usage?.totalTokens],
    ]);
    const row = page.locator('table[aria-label="Usage by provider, model and user"] tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('OPENAI');
    await screenshot('llm-usage');
    expect(offRequests).toEqual([]);
  });

  it('connects a TikTok account, widens its scopes on the same connection and disconnects it, all from the console', async () => {
    const creator = tiktok.addCreator('console_creator', 2);
    await openPage('connections');
    await page.selectOption('#tiktok-owner-kind', 'creator');
    await page.fill('#tiktok-owner-id', randomUUID());
    await page.click('form[aria-label="Connect a TikTok account"] button[type="submit"]');
    // TikTok's consent page (the simulator's), signed in as the creator, then the gateway's callback.
    await page.waitForURL(`${tiktok.url}/**`, { timeout: 15_000 });
    await page.selectOption('select[name="username"]', creator.username);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/oauth\/tiktok\/callback/, { timeout: 15_000 });
    await openPage('connections');
    const status = page.locator('[data-tiktok-status]');
    expect(await status.textContent()).toBe('CONNECTED');
    const id = (await status.getAttribute('data-tiktok-status')) ?? '';
    expect(await page.locator(`[data-tiktok-scopes="${id}"]`).textContent()).toBe('user.info.basic');
    // user.info.basic gives the display name (the username needs user.info.profile).
    expect(await page.locator('table[aria-label="TikTok connections"]').textContent()).toContain(
      creator.displayName,
    );

    await page.fill(`[data-scopes-for="${id}"]`, 'video.list');
    await page.click(`button[data-request-scopes="${id}"]`);
    await page.waitForURL(`${tiktok.url}/**`, { timeout: 15_000 });
    await page.selectOption('select[name="username"]', creator.username);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/oauth\/tiktok\/callback/, { timeout: 15_000 });
    await openPage('connections');
    expect(await page.locator('[data-tiktok-status]').count()).toBe(1);
    expect(await page.locator(`[data-tiktok-scopes="${id}"]`).textContent()).toBe(
      'user.info.basic, video.list',
    );
    await screenshot('connections-tiktok');

    tiktok.clearRequests();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click(`button[data-disconnect-tiktok="${id}"]`);
    await expect
      .poll(() => page.locator(`[data-tiktok-status="${id}"]`).textContent(), { timeout: 10_000 })
      .toBe('DISCONNECTED');
    expect(tiktok.requests().filter((request) => request.path === '/v2/oauth/revoke/')).toHaveLength(1);
    expect(offRequests).toEqual([]);
  }, 60_000);

  it('shows a TikTok account’s webhook deliveries and its publish jobs on the Webhooks page', async () => {
    const [account] = await sql<{ id: string; openId: string; name: string }[]>`
      select id, account_id as "openId", display_name as name from kit.integration_connections
      where provider = 'tiktok' and workspace_id = ${system.workspaceId}`;
    if (!account) throw new Error('no TikTok connection');
    // A delivery TikTok signs about the account (a publish IONFLUX does not know: applied as nothing).
    const sent = await sendTikTokWebhook({
      gatewayUrl: system.gatewayUrl,
      keys: tiktokKeys,
      event: 'post.publish.failed',
      openId: account.openId,
      content: { publish_id: 'v_pub_console~1', reason: 'spam_risk_text' },
    });
    expect(sent.status).toBe(200);
    const deliveries = page.locator(
      `table[aria-label="Webhook deliveries of TikTok ${account.name}"] tbody tr`,
    );
    await expect
      .poll(
        async () => {
          await openPage('webhooks');
          return deliveries.first().textContent();
        },
        { timeout: 15_000, interval: 300 },
      )
      .toMatch(/^post\.publish\.failed.*PROCESSED/);
    expect(await page.getByText('No publish jobs for this account.').count()).toBe(1);
    await screenshot('webhooks-tiktok');
    expect(offRequests).toEqual([]);
  });

  it('shows a TikTok account’s publish job and the webhooks TikTok sent about it, to that account’s workspace', async () => {
    // A workspace of its own, signed in from a second browser: its account publishes an upload, and
    // TikTok (the simulator) reports the publish by webhook.
    tiktok.setWebhookUrl(new URL('/webhooks/tiktok', system.gatewayUrl).toString());
    const creator = tiktok.addCreator('console_publisher', 1);
    const token = await system.tokenFor(randomUUID());
    const tiktokConnectionId = await connectTikTokAccount({
      gatewayUrl: system.gatewayUrl,
      simulator: tiktok,
      token,
      creatorId: randomUUID(),
      scopes: ['user.info.basic', 'video.publish'],
      username: creator.username,
    });
    const { jobId } = await publishTikTokUpload({
      gatewayUrl: system.gatewayUrl,
      token,
      connectionId: tiktokConnectionId,
      title: 'Console publish #ionflux',
    });
    const second = await newLoopbackOnlyContext(browser);
    try {
      const other = await second.context.newPage();
      await other.goto(`${system.gatewayUrl}/console#token=${token}`);
      await other.waitForSelector('main[data-page="connections"][data-ready="true"]');
      const published = other.locator(`[data-publish-status="${jobId}"]`);
      const deliveries = other.locator(
        `table[aria-label="Webhook deliveries of TikTok ${creator.displayName}"] tbody tr`,
      );
      // A cell's text, or null while the page does not show it yet.
      const textOf = async (cells: Locator) =>
        (await cells.count()) > 0 ? cells.first().textContent() : null;
      await expect
        .poll(
          async () => {
            await openPage('webhooks', other);
            return [await textOf(published), await textOf(deliveries)];
          },
          { timeout: 30_000, interval: 500 },
        )
        .toEqual(['PUBLISH_COMPLETE', expect.stringMatching(/^post\.publish\.complete.*PROCESSED/)]);
      const row = other.locator(`table[aria-label="Publish jobs of TikTok ${creator.displayName}"] tbody tr`);
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toMatch(
        /^Console publish #ionflux\s*FILE_UPLOAD\s*PUBLISH_COMPLETE\s*32\.0 KiB of 32\.0 KiB\s*\d.+ UTC\d.+ UTC$/,
      );
      // The first workspace's page shows none of it.
      await openPage('webhooks');
      expect(await page.locator(`[data-publish-status="${jobId}"]`).count()).toBe(0);
      await other.screenshot({ path: join(shotsDir, 'webhooks-tiktok-publish.png'), fullPage: true });
      expect(second.offRequests).toEqual([]);
    } finally {
      await second.context.close();
    }
    expect(offRequests).toEqual([]);
  }, 60_000);

  it('lists notifications, live, and marks one read', async () => {
    await openPage('notifications');
    const unread = page.locator('li.unread').first();
    await unread.waitFor({ timeout: 10_000 });
    const id = await unread.getAttribute('data-notification');
    await unread.getByRole('button', { name: 'Mark as read' }).click();
    await page.locator(`li.read[data-notification="${id}"]`).waitFor();
    const { body } = await graphql<{ workspaceNotifications: { id: string; readAt: string | null }[] }>(
      '{ workspaceNotifications { id readAt } }',
    );
    expect(body.data?.workspaceNotifications.find((n) => n.id === id)?.readAt).not.toBeNull();
    await screenshot('notifications');
    expect(offRequests).toEqual([]);
  });

  it('records the console bundle size', async () => {
    const names = await readdir(bundleDir);
    const files = await Promise.all(
      names.map(async (name) => ({ name, bytes: (await stat(join(bundleDir, name))).size })),
    );
    const bytes = files.reduce((total, file) => total + file.bytes, 0);
    console.log(`console bundle: ${files.map((f) => `${f.name} ${f.bytes} B`).join(', ')}; total ${bytes} B`);
    await writeFile(join(shotsDir, 'bundle-size.json'), `${JSON.stringify({ files, bytes }, null, 2)}\n`);
    expect(bytes).toBeGreaterThan(0);
    expect(offRequests).toEqual([]);
  });

  it('signs in with a JWT pasted into the form, kept in this tab only, and says when one is refused', async () => {
    const tab = await context.newPage();
    try {
      await tab.goto(`${system.gatewayUrl}/console`);
      await tab.fill('#token', 'not-a-jwt');
      await tab.click('main.sign-in button[type="submit"]');
      await tab.waitForSelector('main[data-page="connections"][data-ready="true"]');
      expect(await tab.getByRole('alert').textContent()).toMatch(/^UNAUTHENTICATED: /);
      await tab.getByRole('button', { name: 'Sign out' }).click();
      expect(await tab.evaluate(() => sessionStorage.getItem('ionflux.console.token'))).toBeNull();
      await tab.fill('#token', `  ${system.token}\n`);
      await tab.click('main.sign-in button[type="submit"]');
      await tab.waitForSelector('main[data-page="connections"][data-ready="true"]');
      expect(await tab.locator(`[data-connection-status="${connectionId}"]`).textContent()).toBe('CONNECTED');
      expect(await tab.evaluate(() => sessionStorage.getItem('ionflux.console.token'))).toBe(system.token);
      expect(requestUrls.filter((url) => url.includes(system.token) || url.includes('not-a-jwt'))).toEqual(
        [],
      );
      expect(offRequests).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('syncs a store again with Sync now: lastSyncedAt moves and the sync is IDLE again', async () => {
    const lastSynced = async () => {
      const { body } = await graphql<{ shopifyConnections: { id: string; lastSyncedAt: string | null }[] }>(
        '{ shopifyConnections { id lastSyncedAt } }',
      );
      return body.data?.shopifyConnections.find((c) => c.id === connectionId)?.lastSyncedAt ?? '';
    };
    const before = await lastSynced();
    await openPage('connections');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.waitForSelector('main[data-page="connections"][data-ready="true"]');
    await expect
      .poll(async () => Date.parse(await lastSynced()), { timeout: 30_000, interval: 300 })
      .toBeGreaterThan(Date.parse(before));
    await expect
      .poll(
        async () => {
          await openPage('connections');
          return page.locator(`[data-sync-status="${connectionId}"]`).textContent();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('IDLE');
    const shown = await page.locator(`[data-last-synced="${connectionId}"]`).textContent();
    expect(shown).toBe(`${new Date(await lastSynced()).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC`);
    expect(offRequests).toEqual([]);
  }, 60_000);

  it('sets and removes the quota and the fallback from the LLM page, and shows the API’s refusal', async () => {
    const settings = async () => {
      const { body } = await graphql<{
        llmQuota: { period: string; maxTokens: number | null; maxCostUsd: number | null } | null;
        llmFallback: { provider: string; model: string } | null;
        llmProviders: { id: string; models: { id: string }[] }[];
      }>(
        '{ llmQuota { period maxTokens maxCostUsd } llmFallback { provider model } llmProviders { id models { id } } }',
      );
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const statusLine = () =>
      page.locator('section[aria-labelledby="llm-title"] p[role="status"]').textContent();
    await openPage('llm');
    // Neither limit: refused by the API, its code and words shown, nothing stored.
    await page.click('form[aria-label="Set quota"] button[type="submit"]');
    await expect
      .poll(statusLine)
      .toBe('INVALID_REQUEST: Set maxTokens, maxCostUsd or both; use removeLlmQuota for none.');
    expect((await settings()).llmQuota).toBeNull();

    await page.selectOption('#quota-period', 'MONTH');
    await page.fill('#quota-tokens', '250000');
    await page.fill('#quota-cost', '12.5');
    await page.click('form[aria-label="Set quota"] button[type="submit"]');
    await expect
      .poll(async () => (await settings()).llmQuota)
      .toEqual({
        period: 'MONTH',
        maxTokens: 250000,
        maxCostUsd: 12.5,
      });
    await page.waitForSelector('main[data-page="llm"][data-ready="true"] [data-quota]');
    expect(await page.locator('[data-quota]').textContent()).toContain('of 250000 tokens');

    const claude = (await settings()).llmProviders.find((p) => p.id === 'CLAUDE');
    const model = claude?.models[0]?.id ?? '';
    await page.selectOption('#fallback-provider', 'CLAUDE');
    await page.fill('#fallback-model', model);
    await page.click('form[aria-label="Set fallback"] button[type="submit"]');
    await expect.poll(async () => (await settings()).llmFallback).toEqual({ provider: 'CLAUDE', model });
    await page.waitForSelector('main[data-page="llm"][data-ready="true"]');
    await expect.poll(() => page.getByText(`CLAUDE / ${model}`).count()).toBe(1);
    await screenshot('llm-settings');

    await page.getByRole('button', { name: 'Remove quota' }).click();
    await expect.poll(async () => (await settings()).llmQuota).toBeNull();
    await page.waitForSelector('main[data-page="llm"][data-ready="true"]');
    await page.selectOption('#fallback-provider', '');
    await page.click('form[aria-label="Set fallback"] button[type="submit"]');
    await expect.poll(async () => (await settings()).llmFallback).toBeNull();
    expect(offRequests).toEqual([]);
  }, 60_000);

  // Last: the store's breaker stays open for 30 s after this.
  it('shows a DEGRADED notification arriving live, and the failing calls’ codes beside the last successful call', async () => {
    await openPage('notifications');
    // Marks this document: a reload would lose it.
    await page.evaluate(() => {
      (window as unknown as { stillOpen: boolean }).stillOpen = true;
    });
    simulator.addFault({ kind: 'status', status: 503, path: 'graphql\\.json$' });
    try {
      const healthOf = async () => {
        const { body } = await graphql<{
          integrationConnections: { id: string; health: string; recentErrorCodes: string[] }[];
        }>('{ integrationConnections { id health recentErrorCodes } }');
        return body.data?.integrationConnections.find((c) => c.id === connectionId);
      };
      // Reads of the store through the gateway fail now (calls are judged within half a second) until the
      // failures outweigh the sync's successful calls in the window.
      await expect
        .poll(
          async () => {
            await graphql('query ($c: ID!) { shopifyShop(connectionId: $c) { name } }', { c: connectionId });
            return healthOf();
          },
          { timeout: 60_000, interval: 700 },
        )
        .toMatchObject({ health: 'DEGRADED', recentErrorCodes: ['PROVIDER_UNAVAILABLE'] });
      // The notification reaches the open page through the subscription, without a reload.
      await page.locator('li.unread', { hasText: 'PROVIDER_UNAVAILABLE' }).waitFor({ timeout: 10_000 });
      expect(await page.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).toBe(true);
      await screenshot('notifications-live');

      await openPage('connections');
      expect(await page.locator(`[data-error-codes="${connectionId}"]`).textContent()).toContain(
        'PROVIDER_UNAVAILABLE',
      );
      expect(await page.locator(`[data-last-call="${connectionId}"]`).textContent()).toMatch(/ UTC$/);
      await screenshot('connections-failing-calls');
      expect(offRequests).toEqual([]);
    } finally {
      simulator.clearFaults();
    }
  }, 90_000);
});
