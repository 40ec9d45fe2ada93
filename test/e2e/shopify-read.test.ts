import { randomUUID } from 'node:crypto';
import { generateMasterKey } from '@ionflux/kit/crypto';
import { type ShopifySimulator, startShopifySimulator } from '@ionflux/sandbox';
import { postGraphQL } from '@ionflux/testing/http';
import {
  connectShopifyStore,
  type LlmSystemUnderTest,
  type ShopifyAppKeys,
  shopifyEnv,
  startLlmSystem,
} from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const keys: ShopifyAppKeys = {
  apiKey: 'e2e-shopify-read',
  apiSecret: 'e2e-shopify-read-secret',
  masterKey: generateMasterKey('e2e-1'),
};
const READ_SCOPES = ['read_products', 'read_orders', 'write_discounts'];

let simulator: ShopifySimulator;
let system: LlmSystemUnderTest;
let connectionId: string;

const connect = (shop: string, scopes = READ_SCOPES) =>
  connectShopifyStore({
    databaseUrl: system.databaseUrl,
    simulator,
    keys,
    workspaceId: system.workspaceId,
    userId: system.userId,
    shop,
    scopes,
  });

/** Admin GraphQL calls the simulator received since `since`. */
const adminCalls = (since: number) =>
  simulator.requests(since).filter((request) => request.path.endsWith('/graphql.json'));
const lastSeq = () => simulator.requests().at(-1)?.seq ?? 0;

const query = <Data = Record<string, unknown>>(text: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<Data>(system.gatewayUrl, text, { token: system.token, variables });

beforeAll(async () => {
  // THROTTLED answered as 429 so the request log shows every one (Shopify itself sends 200).
  simulator = await startShopifySimulator({
    apiKey: keys.apiKey,
    apiSecret: keys.apiSecret,
    bucket: { maximumAvailable: 2000, restoreRate: 100 },
    throttledStatus: 429,
  });
  // With the LLM simulator too: aiSummary on ShopifyProduct is resolved by the LLM subgraph.
  // 200 concurrent queries from one workspace below: above the gateway's default per-workspace burst and
  // in-flight limits, which this file is not about.
  system = await startLlmSystem({
    ...shopifyEnv(simulator, keys),
    GATEWAY_WORKSPACE_BURST: '1000',
    GATEWAY_WORKSPACE_MAX_IN_FLIGHT: '1000',
  });
  connectionId = await connect(simulator.demoShop);
}, 120_000);

afterAll(async () => {
  await system?.stop();
  await simulator?.close();
});

describe('reading a connected Shopify store through the gateway', () => {
  it('serves the shop, a page of products and a page of orders', async () => {
    const { body } = await query(
      /* GraphQL */ `
        query Store($c: ID!) {
          shopifyShop(connectionId: $c) { name myshopifyDomain currency ianaTimezone }
          shopifyProducts(connectionId: $c, first: 5) {
            nodes { id title handle status vendor productType tags createdAt variants { sku price { amount currencyCode } } images { url } }
            pageInfo { hasNextPage endCursor }
          }
          shopifyOrders(connectionId: $c, first: 3) {
            nodes { id name createdAt totalPrice { amount currencyCode } financialStatus fulfillmentStatus lineItems { quantity unitPrice { amount } productId } }
          }
        }
      `,
      { c: connectionId },
    );
    expect(body.errors).toBeUndefined();
    const data = body.data as {
      shopifyShop: { myshopifyDomain: string };
      shopifyProducts: {
        nodes: { id: string; variants: unknown[] }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      shopifyOrders: { nodes: { lineItems: unknown[] }[] };
    };
    expect(data.shopifyShop.myshopifyDomain).toBe(simulator.demoShop);
    expect(data.shopifyProducts.nodes).toHaveLength(5);
    expect(data.shopifyProducts.nodes[0]?.variants.length).toBeGreaterThan(0);
    expect(data.shopifyProducts.pageInfo.hasNextPage).toBe(true);
    expect(data.shopifyOrders.nodes).toHaveLength(3);
    expect(data.shopifyOrders.nodes[0]?.lineItems.length).toBeGreaterThan(0);

    // Cursor pagination: the next page starts after the last product of this one.
    const next = await query<{ shopifyProducts: { nodes: { id: string }[] } }>(
      'query($c: ID!, $a: String) { shopifyProducts(connectionId: $c, first: 5, after: $a) { nodes { id } } }',
      { c: connectionId, a: data.shopifyProducts.pageInfo.endCursor },
    );
    const firstIds = new Set(data.shopifyProducts.nodes.map((p) => p.id));
    expect(next.body.data?.shopifyProducts.nodes.some((p) => firstIds.has(p.id))).toBe(false);
  });

  it('50 orders with their line items’ products take at most 2 Admin calls', async () => {
    const since = lastSeq();
    const { body } = await query<{
      shopifyOrders: {
        nodes: { lineItems: { productId: string | null; product: { id: string; title: string } | null }[] }[];
      };
    }>(
      'query($c: ID!) { shopifyOrders(connectionId: $c, first: 50) { nodes { name lineItems { productId product { id title variants { price { amount } } } } } } }',
      { c: connectionId },
    );
    expect(body.errors).toBeUndefined();
    const orders = body.data?.shopifyOrders.nodes ?? [];
    expect(orders).toHaveLength(50);
    const lines = orders.flatMap((order) => order.lineItems);
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) if (line.productId) expect(line.product?.id).toBe(line.productId);
    const calls = adminCalls(since);
    expect(calls.length).toBeLessThanOrEqual(2);
    console.info(`50 orders, ${lines.length} line items → ${calls.length} Admin calls`);
  });

  it('refuses customers without read_customers: SCOPE_REQUIRED with a grant URL, nothing sent to Shopify', async () => {
    const since = lastSeq();
    const { body } = await query(
      'query($c: ID!) { shopifyCustomers(connectionId: $c, first: 5) { nodes { email } } }',
      {
        c: connectionId,
      },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'SCOPE_REQUIRED',
      missingScopes: ['read_customers'],
    });
    // The grant URL is the gateway's start route with a signed ticket for this caller, connection and
    // the missing scope (shopify-scope-grant.test.ts follows it); answering stores no OAuth state.
    const grantUrl = new URL(String(body.errors?.[0]?.extensions?.['grantUrl']));
    expect(grantUrl.pathname).toBe('/oauth/shopify/start');
    expect(grantUrl.searchParams.get('ticket')).toBeTruthy();
    const sql = postgres(system.databaseUrl, { max: 1 });
    try {
      const states =
        await sql`select connection_id, user_id from kit.oauth_states where connection_id = ${connectionId}`;
      expect(states).toEqual([]);
    } finally {
      await sql.end();
    }
    expect(adminCalls(since)).toHaveLength(0);
  });

  it('serves customers when the scope is granted, and never logs their emails', async () => {
    const withCustomers = await connect('ionflux-customers.myshopify.com', [
      ...READ_SCOPES,
      'read_customers',
    ]);
    const { body } = await query<{ shopifyCustomers: { nodes: { email: string | null }[] } }>(
      'query($c: ID!) { shopifyCustomers(connectionId: $c, first: 5) { nodes { id email firstName ordersCount totalSpent { amount } } } }',
      { c: withCustomers },
    );
    expect(body.errors).toBeUndefined();
    const emails = (body.data?.shopifyCustomers.nodes ?? [])
      .map((c) => c.email)
      .filter((e): e is string => !!e);
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(system.logs()).not.toContain(email);
  });

  it('creates a discount code', async () => {
    const { body } = await query<{ createShopifyDiscountCode: { id: string; code: string; status: string } }>(
      'mutation($i: CreateShopifyDiscountCodeInput!) { createShopifyDiscountCode(input: $i) { id code title status startsAt } }',
      { i: { connectionId, code: `IONFLUX-${Date.now()}`, percentage: 15 } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.createShopifyDiscountCode.id).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\//);
  });

  it('200 concurrent gateway queries against a 2000/100 bucket finish with zero THROTTLED', async () => {
    const busy = await connect('ionflux-busy.myshopify.com');
    const since = lastSeq();
    // Each query its own alias: identical queries in flight would be executed once (GATEWAY_SHARING).
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        query(
          `query($c: ID!) { q${i}: shopifyProducts(connectionId: $c, first: 2) { nodes { id title } } }`,
          {
            c: busy,
          },
        ),
      ),
    );
    const errors = results.flatMap((r) => r.body.errors ?? []);
    expect(errors).toEqual([]);
    const calls = adminCalls(since);
    expect(calls).toHaveLength(200);
    expect(calls.filter((call) => call.status === 429)).toHaveLength(0);
  }, 120_000);

  it('a bucket drained behind our back (another app) is waited out: THROTTLED retried, the query succeeds', async () => {
    const shop = 'ionflux-drained.myshopify.com';
    const drained = await connect(shop);
    simulator.setThrottle(shop, 0);
    const since = lastSeq();
    const { body } = await query(
      'query($c: ID!) { shopifyProducts(connectionId: $c, first: 5) { nodes { id } } }',
      {
        c: drained,
      },
    );
    expect(body.errors).toBeUndefined();
    const calls = adminCalls(since);
    expect(calls.at(-1)?.status).toBe(200);
    expect(calls.filter((call) => call.status === 429).length).toBeGreaterThan(0);
  });

  it('a revoked token (app uninstalled) → INTEGRATION_AUTH_INVALID and the connection NEEDS_REAUTH', async () => {
    const shop = 'ionflux-revoked.myshopify.com';
    const revoked = await connect(shop);
    simulator.uninstallApp(shop);
    const { body } = await query('query($c: ID!) { shopifyShop(connectionId: $c) { name } }', { c: revoked });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('INTEGRATION_AUTH_INVALID');
    const sql = postgres(system.databaseUrl, { max: 1 });
    try {
      const [row] = await sql<
        { status: string }[]
      >`select status from kit.integration_connections where id = ${revoked}`;
      expect(row?.status).toBe('NEEDS_REAUTH');
    } finally {
      await sql.end();
    }
    // Later calls fail fast from the stored state, without another Admin call.
    const again = await query('query($c: ID!) { shopifyShop(connectionId: $c) { name } }', { c: revoked });
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('INTEGRATION_AUTH_INVALID');
  });

  it('a product with its aiSummary in one gateway query (Shopify fields + LLM completion)', async () => {
    const llmCallsBefore = system.simulator.requests().length;
    const { body } = await query<{
      shopifyProducts: { nodes: { id: string; title: string; aiSummary: string | null }[] };
    }>(
      'query($c: ID!) { shopifyProducts(connectionId: $c, first: 3) { nodes { id title aiSummary(style: "short") } } }',
      { c: connectionId },
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data?.shopifyProducts.nodes ?? [];
    expect(nodes).toHaveLength(3);
    for (const node of nodes) expect(node.aiSummary).toEqual(expect.any(String));
    expect(nodes.every((node) => (node.aiSummary ?? '').length > 0)).toBe(true);
    // One completion per product, ledgered like any other.
    expect(system.simulator.requests().length - llmCallsBefore).toBe(3);
  });

  it('another workspace cannot read the store', async () => {
    const stranger = await system.tokenFor(randomUUID());
    const { body } = await postGraphQL(
      system.gatewayUrl,
      'query($c: ID!) { shopifyShop(connectionId: $c) { name } }',
      {
        token: stranger,
        variables: { c: connectionId },
      },
    );
    expect(body.errors?.[0]?.extensions?.['code']).toBe('INTEGRATION_NOT_CONNECTED');
  });
});
