import { randomUUID } from 'node:crypto';
import { generateMasterKey } from '@ionflux/kit/crypto';
import { freePort } from '@ionflux/kit/server';
import { type ShopifySimulator, type ShopifySimulatorOptions, startShopifySimulator } from '@ionflux/sandbox';
import postgres from 'postgres';
import { CookieJar } from '../http/cookie-jar.ts';
import { postGraphQL } from '../http/graphql-client.ts';
import type { ShopifyAppKeys } from '../system/connect-shopify-store.ts';
import { type SystemUnderTest, startSystem } from '../system/start-system.ts';

export interface ShopifySystem {
  system: SystemUnderTest;
  simulator: ShopifySimulator;
  /** The gateway's origin, which OAuth callbacks and the stores' webhooks are addressed to. */
  publicUrl: string;
  /** The app's credentials and the master key the subgraph was given (for `connectShopifyStore`). */
  keys: ShopifyAppKeys;
  apiSecret: string;
  sql: postgres.Sql;
  /**
   * Connects `shop` through the gateway as a user would (start mutation, the start link, the consent
   * page, the callback), so the subgraph schedules the store's webhooks and backfill.
   */
  connect(input: { shop: string; token?: string; brandId?: string; scopes?: string[] }): Promise<{
    connectionId: string;
    brandId: string;
  }>;
  /** Waits until the connection's sync is no longer RUNNING and its webhooks were checked; its status. */
  settled(connectionId: string, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/** Every read scope the mirror and the tests' own Admin reads need (orders older than 60 days too). */
export const MIRROR_SCOPES = ['read_products', 'read_orders', 'read_all_orders', 'read_inventory'];

/**
 * The real system (gateway, subgraphs, Postgres) and a Shopify simulator whose webhooks reach the
 * gateway's public `/webhooks/shopify`, with the Shopify app configured against it.
 */
export async function startShopifySystem(
  options: { simulator?: Partial<ShopifySimulatorOptions>; env?: Record<string, string> } = {},
): Promise<ShopifySystem> {
  const apiKey = `e2e-${randomUUID().slice(0, 8)}`;
  const apiSecret = `e2e-secret-${randomUUID()}`;
  const masterKey = generateMasterKey('e2e-shopify');
  const simulator = await startShopifySimulator({
    apiKey,
    apiSecret,
    webhookRetryDelaysMs: [100, 400, 1000],
    ...options.simulator,
  });
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const system = await startSystem({
    PORT: String(port),
    IONFLUX_PUBLIC_URL: publicUrl,
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_ADMIN_ORIGIN: simulator.adminOriginTemplate,
    SHOPIFY_API_VERSION: simulator.apiVersion,
    SHOPIFY_BULK_POLL_MS: '100',
    IONFLUX_MASTER_KEY: masterKey,
    ...options.env,
  });
  const sql = postgres(system.databaseUrl, { max: 4, onnotice: () => {} });
  return {
    system,
    simulator,
    publicUrl,
    keys: { apiKey, apiSecret, masterKey },
    apiSecret,
    sql,
    async connect({ shop, token = system.token, brandId = randomUUID(), scopes = MIRROR_SCOPES }) {
      const started = await postGraphQL<{ startShopifyConnection: { authorizationUrl: string } }>(
        system.gatewayUrl,
        'mutation ($b: ID!, $s: String!, $sc: [String!]) { startShopifyConnection(brandId: $b, shop: $s, scopes: $sc) { authorizationUrl } }',
        { token, variables: { b: brandId, s: shop, sc: scopes } },
      );
      const link = started.body.data?.startShopifyConnection.authorizationUrl;
      if (!link) throw new Error(`startShopifyConnection failed: ${JSON.stringify(started.body)}`);
      const browser = new CookieJar();
      const opened = await browser.fetch(link);
      if (opened.status !== 302) throw new Error(`the start route answered ${opened.status}`);
      const approved = await fetch(opened.headers.get('location') ?? '', {
        method: 'POST',
        redirect: 'manual',
      });
      const callback = approved.headers.get('location');
      if (!callback) throw new Error(`the consent page answered ${approved.status}`);
      const landed = await browser.fetch(callback);
      if (landed.status !== 200)
        throw new Error(`the callback answered ${landed.status}: ${await landed.text()}`);
      const [row] = await sql<{ id: string }[]>`
        select id from kit.integration_connections where account_id = ${shop} and owner_id = ${brandId}`;
      if (!row) throw new Error('no connection stored');
      return { connectionId: row.id, brandId };
    },
    async settled(connectionId, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [state] = await sql<{ sync: string | null; verified: boolean }[]>`
          select c.sync_status as sync, s.webhooks_verified_at is not null as verified
          from kit.integration_connections as c left join shopify.sync_states as s on s.connection_id = c.id
          where c.id = ${connectionId}`;
        if (state && state.sync !== 'RUNNING' && state.verified) return state.sync ?? 'NONE';
        if (Date.now() > deadline)
          throw new Error(`connection ${connectionId} did not settle: ${JSON.stringify(state)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      await sql.end();
      await system.stop();
      await simulator.close();
    },
  };
}
