import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { type CredentialCipher, createCredentialCipher, parseKeyring } from '@ionflux/kit/crypto';
import { connectDatabase, migrateDatabase, type Sql } from '@ionflux/kit/db';
import { createInMemoryEventBus, type EventBus } from '@ionflux/kit/events';
import {
  type AuthorizationStart,
  type CompleteAuthorizationOptions,
  completeAuthorization,
  deriveOAuthSigningKey,
  type OAuthDeps,
  type OAuthProviderProfile,
  type OAuthSigningKey,
} from '@ionflux/kit/oauth';
import postgres from 'postgres';
import { createTestDatabase, type TestDatabase } from '../database/test-database.ts';
import { captureLogger } from '../logging/capture-logger.ts';
import { approveConsent } from './approve-consent.ts';
import { type RecordedExchange, recordingFetch } from './recording-fetch.ts';
import { TestBrowser } from './test-browser.ts';

function testCipher(keySpec: string): CredentialCipher {
  return createCredentialCipher(parseKeyring(keySpec));
}

/** A provider the context drives: its profile, and the app secret its signing key derives from. */
export interface OAuthTestProvider {
  profile: OAuthProviderProfile;
  appSecret: string;
}

/** What a test of the kit's OAuth functions works with; `P` is the ids of the providers it drives. */
export interface OAuthTestContext<P extends string = string> {
  databaseUrl: string;
  /** A plain postgres.js pool for the tests' own queries (timestamps read as `Date`s). */
  sql: Sql;
  keySpec: string;
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
  callbackUrl(provider: P): string;
  /** Our start route's URL (what `startAuthorization` links to). */
  startUrl(provider: P): string;
  /** Each provider's key for browser-binding cookies and grant tickets (from its app secret). */
  keys: Readonly<Record<P, OAuthSigningKey>>;
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

/**
 * A fresh database with the kit's tables, OAuth deps over two pools (as two processes would hold), a
 * callback server that echoes what the provider sent, and a recording fetch, for the given providers
 * (keyed by their ids). The providers' servers are the caller's: a simulator of the sandbox, or the
 * standard OAuth server of this folder.
 */
export async function startOAuthTestContext<P extends string>(
  providers: Readonly<Record<P, OAuthTestProvider>>,
): Promise<OAuthTestContext<P>> {
  const entries = Object.entries(providers) as [P, OAuthTestProvider][];
  const database: TestDatabase = await createTestDatabase();
  await migrateDatabase(database.url, [migrationSet('kit')]);
  const sql = postgres(database.url, { max: 4, onnotice: () => {} });
  // The kit runs on a service's pool, which drizzle wraps: these prove its SQL works there.
  const pool = connectDatabase(database.url, { maxConnections: 20 });
  const pool2 = connectDatabase(database.url, { maxConnections: 20 });
  const keySpec = `k1:${randomBytes(32).toString('base64')}`;
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
  const bus = createInMemoryEventBus();
  const deps: OAuthDeps = {
    sql: pool.sql,
    cipher: testCipher(keySpec),
    bus,
    profiles: Object.fromEntries(entries.map(([id, provider]) => [id, provider.profile])),
    fetch: recorder.fetch,
    logger,
  };
  const keys = Object.fromEntries(
    entries.map(([id, provider]) => [id, deriveOAuthSigningKey(id, provider.appSecret)]),
  ) as Record<P, OAuthSigningKey>;
  const providerOf = (startUrl: string): P => {
    const id = /^\/oauth\/([a-z0-9_]+)\/start$/.exec(new URL(startUrl).pathname)?.[1];
    const known = entries.find(([provider]) => provider === id);
    if (!known) throw new Error(`not a start URL of a provider under test: ${startUrl}`);
    return known[0];
  };
  const context: OAuthTestContext<P> = {
    databaseUrl: database.url,
    sql,
    keySpec,
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
    approve: approveConsent,
    notifications: (connectionId) =>
      sql<
        { kind: string }[]
      >`select kind from kit.workspace_notifications where connection_id = ${connectionId} order by created_at`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await bus.close();
      await Promise.all([sql.end({ timeout: 5 }), pool.close(), pool2.close()]);
      await database.drop();
    },
  };
  return context;
}
