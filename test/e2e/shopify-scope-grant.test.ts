import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { createGrantTicket, deriveOAuthSigningKey } from '@ionflux/kit/oauth';
import { type ShopifySimulator, startShopifySimulator } from '@ionflux/sandbox';
import { CookieJar, postGraphQL } from '@ionflux/testing/http';
import { startSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const API_KEY = 'scope-grant-client-id';
const API_SECRET = 'scope-grant-client-secret';
const SHOP = 'scope-grant.myshopify.com';
const CUSTOMERS = 'query ($c: ID!) { shopifyCustomers(connectionId: $c, first: 3) { nodes { id } } }';

let simulator: ShopifySimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let sql: postgres.Sql;
let publicUrl: string;
let connectionId: string;

const stateCount = async () =>
  (await sql<{ n: number }[]>`select count(*)::int as n from kit.oauth_states`)[0]?.n ?? 0;

/** The browser-like client's trip: open a gateway link, approve on the consent page, come back. */
async function consentThrough(link: string, browser: CookieJar): Promise<{ consent: URL; callback: URL }> {
  const opened = await browser.fetch(link);
  if (opened.status !== 302)
    throw new Error(`the start route answered ${opened.status}: ${await opened.text()}`);
  const consent = new URL(opened.headers.get('location') ?? '');
  const approved = await fetch(consent, { method: 'POST', redirect: 'manual' });
  return { consent, callback: new URL(approved.headers.get('location') ?? '') };
}

async function customers(): Promise<{ code?: unknown; grantUrl?: string; nodes?: unknown[] }> {
  const { body } = await postGraphQL<{ shopifyCustomers: { nodes: unknown[] } }>(
    system.gatewayUrl,
    CUSTOMERS,
    {
      token: system.token,
      variables: { c: connectionId },
    },
  );
  const extensions = body.errors?.[0]?.extensions;
  if (extensions) return { code: extensions['code'], grantUrl: String(extensions['grantUrl']) };
  return { nodes: body.data?.shopifyCustomers.nodes ?? [] };
}

beforeAll(async () => {
  simulator = await startShopifySimulator({ apiKey: API_KEY, apiSecret: API_SECRET });
  const port = await new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  publicUrl = `http://127.0.0.1:${port}`;
  system = await startSystem({
    PORT: String(port),
    IONFLUX_PUBLIC_URL: publicUrl,
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_ADMIN_ORIGIN: simulator.adminOriginTemplate,
    SHOPIFY_API_VERSION: simulator.apiVersion,
  });
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
  const started = await postGraphQL<{ startShopifyConnection: { authorizationUrl: string } }>(
    system.gatewayUrl,
    'mutation ($b: ID!, $s: String!) { startShopifyConnection(brandId: $b, shop: $s) { authorizationUrl } }',
    { token: system.token, variables: { b: randomUUID(), s: SHOP } },
  );
  const browser = new CookieJar();
  const { callback } = await consentThrough(
    started.body.data?.startShopifyConnection.authorizationUrl ?? '',
    browser,
  );
  const connected = await browser.fetch(callback);
  if (connected.status !== 200) throw new Error(`connecting failed: ${connected.status}`);
  const [row] = await sql<
    { id: string }[]
  >`select id from kit.integration_connections where account_id = ${SHOP}`;
  connectionId = row?.id ?? '';
  // Connecting schedules the store's webhook subscriptions and its backfill: let them finish, so the
  // Admin calls counted below are only the test's own.
  const settled = async () => {
    const [state] = await sql<{ sync: string | null; verified: boolean }[]>`
      select c.sync_status as sync, s.webhooks_verified_at is not null as verified
      from kit.integration_connections as c left join shopify.sync_states as s on s.connection_id = c.id
      where c.id = ${connectionId}`;
    return state?.sync === 'IDLE' && state.verified;
  };
  const deadline = Date.now() + 30_000;
  while (!(await settled())) {
    if (Date.now() > deadline) throw new Error('the connection’s setup did not finish');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('SCOPE_REQUIRED grant URLs, built lazily', () => {
  it('answers SCOPE_REQUIRED many times without inserting an OAuth state row', async () => {
    const before = await stateCount();
    const since = simulator.requests().at(-1)?.seq ?? 0;
    const answers = await Promise.all(Array.from({ length: 40 }, () => customers()));
    for (const answer of answers) {
      expect(answer.code).toBe('SCOPE_REQUIRED');
      const grantUrl = new URL(answer.grantUrl ?? '');
      expect(`${grantUrl.origin}${grantUrl.pathname}`).toBe(`${publicUrl}/oauth/shopify/start`);
      expect(grantUrl.searchParams.get('ticket')).toBeTruthy();
    }
    expect(await stateCount()).toBe(before);
    // Refused before anything is sent to Shopify.
    expect(simulator.requests(since).filter((request) => request.path.endsWith('/graphql.json'))).toEqual([]);
  });

  it('following the grant URL in a browser-like client reaches the consent page for granted ∪ missing scopes; completing it widens the same connection', async () => {
    const { grantUrl } = await customers();
    const before = await stateCount();
    const browser = new CookieJar();
    const { consent, callback } = await consentThrough(grantUrl ?? '', browser);
    expect(consent.pathname).toBe(`/store/${SHOP}/admin/oauth/authorize`);
    expect(consent.searchParams.get('scope')?.split(',').sort()).toEqual([
      'read_customers',
      'read_orders',
      'read_products',
    ]);
    expect(consent.searchParams.get('redirect_uri')).toBe(`${publicUrl}/oauth/shopify/callback`);
    // The state row exists from now on, bound to this browser: another one cannot complete it.
    expect(await stateCount()).toBe(before + 1);
    expect((await fetch(callback)).status).toBe(403);

    expect((await browser.fetch(callback)).status).toBe(200);
    const rows = await sql<{ id: string; scopes: string[]; connected_by: string }[]>`
      select id, scopes, connected_by from kit.integration_connections where account_id = ${SHOP}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(connectionId);
    expect(rows[0]?.scopes).toContain('read_customers');
    expect(rows[0]?.connected_by).toBe(system.userId);
    const served = await customers();
    expect(served.code).toBeUndefined();
    expect(served.nodes?.length).toBeGreaterThan(0);
  });

  it('refuses a tampered, forged or expired ticket with 400 INVALID_REQUEST, creating no state', async () => {
    const key = deriveOAuthSigningKey('shopify', API_SECRET);
    const valid = createGrantTicket(key, {
      workspaceId: system.workspaceId,
      userId: system.userId,
      connectionId,
      scopes: ['write_discounts'],
      expiresAt: new Date(Date.now() + 3600_000),
    });
    const [payload = '', signature = ''] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const otherWorkspace = Buffer.from(JSON.stringify({ ...claims, w: randomUUID() })).toString('base64url');
    const expired = createGrantTicket(key, {
      workspaceId: system.workspaceId,
      userId: system.userId,
      connectionId,
      scopes: ['write_discounts'],
      expiresAt: new Date(Date.now() - 1000),
    });
    const signedWithTheSecretItself = createGrantTicket(
      { provider: 'shopify', bytes: Buffer.from(API_SECRET) },
      {
        workspaceId: system.workspaceId,
        userId: system.userId,
        connectionId,
        scopes: ['x'],
        expiresAt: new Date(Date.now() + 60_000),
      },
    );
    const before = await stateCount();
    for (const ticket of [
      `${otherWorkspace}.${signature}`,
      `${payload}.${signature.slice(0, -2)}AA`,
      payload,
      signedWithTheSecretItself,
      expired,
    ]) {
      const browser = new CookieJar();
      const answer = await browser.fetch(
        `${publicUrl}/oauth/shopify/start?ticket=${encodeURIComponent(ticket)}`,
        {
          headers: { accept: 'application/json' },
        },
      );
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
      expect(browser.names()).toEqual([]);
    }
    expect(await stateCount()).toBe(before);
    // The untouched ticket works.
    expect((await new CookieJar().fetch(`${publicUrl}/oauth/shopify/start?ticket=${valid}`)).status).toBe(
      302,
    );
  });
});

describe('the kit’s retention jobs', () => {
  it('are scheduled as cron jobs by the Shopify subgraph’s job worker', async () => {
    const rows = await sql<{ identifier: string }[]>`
      select identifier from graphile_worker._private_known_crontabs order by identifier`;
    // Beside the Shopify subgraph's own: the stores' reconciliation and their webhook subscriptions' check.
    expect(rows.map((row) => row.identifier)).toEqual([
      'kit.events.prune',
      'kit.oauth-states.prune',
      'kit.webhook-deliveries.prune',
      'shopify.sync.all',
      'shopify.webhooks.reconcile',
    ]);
  });
});
