import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrationSet } from '@ionflux/drizzle/migrations';
// The kit has no provider of its own: its OAuth tests drive the subgraphs' real profiles against the
// protocol-faithful simulators.
import { createShopifyOAuthProfile } from '@ionflux/shopify/oauth-profile';
import { createTikTokOAuthProfile } from '@ionflux/tiktok/oauth-profile';
import postgres from 'postgres';
import { type ShopifySimulator, startShopifySimulator } from '../../../../../sandbox/src/shopify/index.ts';
import { startTikTokSimulator, type TikTokSimulator } from '../../../../../sandbox/src/tiktok/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database.ts';
import { type CredentialCipher, createCredentialCipher, parseKeyring } from '../../crypto/index.ts';
import type { Sql } from '../../db/index.ts';
import { connectDatabase, migrateDatabase } from '../../db/index.ts';
import { createInMemoryEventBus, type EventBus } from '../../events/index.ts';
import { type CompleteAuthorizationOptions, completeAuthorization } from '../complete-authorization.ts';
import type { OAuthDeps } from '../oauth-deps.ts';
import { deriveOAuthSigningKey, type OAuthSigningKey } from '../oauth-signing-key.ts';
import type { AuthorizationStart } from '../start-authorization.ts';
import { captureLogger } from './capture-logger.ts';
import { type RecordedExchange, recordingFetch } from './recording-fetch.ts';
import { TestBrowser } from './test-browser.ts';

export const TIKTOK_APP = { clientKey: 'ionflux-test-key', clientSecret: 'tiktok-secret-3f9a7c1d2e' };
export const SHOPIFY_APP = { apiKey: 'ionflux-test-id', apiSecret: 'shopify-secret-8b2d4e6f1a' };

export function testCipher(keySpec: string): CredentialCipher {
  return createCredentialCipher(parseKeyring(keySpec));
}

/** The signing key of each provider the tests drive. */
export type TestKeys = {
  shopify: OAuthSigningKey;
  tiktok: OAuthSigningKey;
};

export interface OAuthTestContext {
  databaseUrl: string;
  /** A plain postgres.js pool for the tests' own queries (timestamps read as `Date`s). */
  sql: Sql;
  keySpec: string;
  tiktok: TikTokSimulator;
  shopify: ShopifySimulator;
  /** The OAuth deps, over a service's pool (drizzle-wrapped, as `connectDatabase` makes it). */
  deps: OAuthDeps;
  /** The in-memory bus notifications are published on. */
  bus: EventBus;
  /** Deps over a second pool: what another process would hold (own in-process single-flight table). */
  depsOnSecondPool: OAuthDeps;
  exchanges: RecordedExchange[];
  /** Every callback query our callback server received. */
  callbacks: Record<string, string>[];
  logs(): string;
  callbackUrl(provider: 'shopify' | 'tiktok'): string;
  /** Our start route's URL (what `startAuthorization` links to). */
  startUrl(provider: 'shopify' | 'tiktok'): string;
  /** Each provider's key for browser-binding cookies and grant tickets (from the test app secrets). */
  keys: TestKeys;
  /** A browser of its own (cookie jar) for the start route. */
  browser(): TestBrowser;
  /** Opens the provider's consent page, submits Approve (or Deny), follows the redirect to our callback. */
  approve(authorizationUrl: string, fields?: Record<string, string>): Promise<Record<string, string>>;
  /**
   * A browser opens the start link (binding itself), approves on the consent page and comes back: the
   * callback query and the options (key, cookie) the callback route would pass to completeAuthorization.
   */
  authorize(
    start: Pick<AuthorizationStart, 'startUrl'>,
    options?: { fields?: Record<string, string>; browser?: TestBrowser },
  ): Promise<{ query: Record<string, string>; options: CompleteAuthorizationOptions }>;
  /** {@link authorize}, then completeAuthorization as the callback route would. */
  complete(
    start: Pick<AuthorizationStart, 'startUrl'>,
    options?: { fields?: Record<string, string>; browser?: TestBrowser },
  ): ReturnType<typeof completeAuthorization>;
  notifications(connectionId: string): Promise<{ kind: string }[]>;
  close(): Promise<void>;
}

const unescapeHtml = (value: string) =>
  value.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));

export async function startOAuthTestContext(): Promise<OAuthTestContext> {
  const database: TestDatabase = await createTestDatabase();
  await migrateDatabase(database.url, [migrationSet('kit')]);
  const sql = postgres(database.url, { max: 4, onnotice: () => {} });
  // The kit runs on a service's pool, which drizzle wraps: these prove its SQL works there.
  const pool = connectDatabase(database.url, { maxConnections: 20 });
  const pool2 = connectDatabase(database.url, { maxConnections: 20 });
  const keySpec = `k1:${randomBytes(32).toString('base64')}`;
  const tiktok = await startTikTokSimulator({ ...TIKTOK_APP, seed: false });
  const shopify = await startShopifySimulator({ ...SHOPIFY_APP, seed: false });
  const callbacks: Record<string, string>[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    callbacks.push(query);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(query));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const { logger, text } = captureLogger();
  const recorder = recordingFetch();
  const cipher = testCipher(keySpec);
  const profiles = {
    tiktok: createTikTokOAuthProfile({ ...TIKTOK_APP, authOrigin: tiktok.url, apiOrigin: tiktok.url }),
    shopify: createShopifyOAuthProfile({ ...SHOPIFY_APP, adminOriginTemplate: shopify.adminOriginTemplate }),
  };
  const bus = createInMemoryEventBus();
  const deps: OAuthDeps = {
    sql: pool.sql,
    cipher,
    bus,
    profiles,
    fetch: recorder.fetch,
    logger,
  };
  const keys: TestKeys = {
    tiktok: deriveOAuthSigningKey('tiktok', TIKTOK_APP.clientSecret),
    shopify: deriveOAuthSigningKey('shopify', SHOPIFY_APP.apiSecret),
  };
  const providerOf = (startUrl: string) =>
    (/\/oauth\/(shopify|tiktok)\/start$/.exec(new URL(startUrl).pathname)?.[1] ?? 'tiktok') as keyof TestKeys;
  const context: OAuthTestContext = {
    databaseUrl: database.url,
    sql,
    keySpec,
    tiktok,
    shopify,
    deps,
    bus,
    depsOnSecondPool: { ...deps, sql: pool2.sql },
    exchanges: recorder.exchanges,
    callbacks,
    logs: text,
    callbackUrl: (provider) => `http://127.0.0.1:${port}/oauth/${provider}/callback`,
    startUrl: (provider) => `http://127.0.0.1:${port}/oauth/${provider}/start`,
    keys,
    browser: () => new TestBrowser(deps, keys),
    async authorize(start, options = {}) {
      const browser = options.browser ?? new TestBrowser(deps, keys);
      const provider = providerOf(start.startUrl);
      const query = await context.approve(
        await browser.open(start.startUrl, context.callbackUrl(provider)),
        options.fields,
      );
      return { query, options: { key: keys[provider], cookieHeader: browser.cookieHeader() } };
    },
    async complete(start, options = {}) {
      const flow = await context.authorize(start, options);
      return completeAuthorization(deps, flow.query, flow.options);
    },
    async approve(authorizationUrl, fields = {}) {
      const page = await fetch(authorizationUrl);
      const html = await page.text();
      if (!page.ok) throw new Error(`consent page answered ${page.status}: ${html}`);
      const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1];
      const button = /<button[^>]*name="([^"]+)" value="([^"]+)"/.exec(html);
      if (action === undefined || !button?.[1] || !button[2]) throw new Error('no consent form on the page');
      const form = new URLSearchParams();
      for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
        form.append(match[1] ?? '', unescapeHtml(match[2] ?? ''));
      }
      form.set(button[1], button[2]);
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      const response = await fetch(new URL(action, page.url), {
        method: 'POST',
        body: form,
        redirect: 'follow',
      });
      if (!response.ok) throw new Error(`approving answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as Record<string, string>;
    },
    notifications: (connectionId) =>
      sql<
        { kind: string }[]
      >`select kind from kit.workspace_notifications where connection_id = ${connectionId} order by created_at`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([tiktok.close(), shopify.close(), bus.close()]);
      await Promise.all([sql.end({ timeout: 5 }), pool.close(), pool2.close()]);
      await database.drop();
    },
  };
  return context;
}
