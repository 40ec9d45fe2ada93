import { randomUUID } from 'node:crypto';
import { createCredentialCipher, parseKeyring } from '@ionflux/kit/crypto';
import { createInMemoryEventBus } from '@ionflux/kit/events';
import {
  beginBrowserAuthorization,
  completeAuthorization,
  deriveOAuthSigningKey,
  type OAuthDeps,
  startAuthorization,
} from '@ionflux/kit/oauth';
import type { ShopifySimulator } from '@ionflux/sandbox';
import { createShopifyOAuthProfile } from '@ionflux/shopify/oauth-profile';
import postgres from 'postgres';
import { CookieJar } from '../http/cookie-jar.ts';

export interface ShopifyAppKeys {
  apiKey: string;
  apiSecret: string;
  masterKey: string;
}

/** The env that points the Shopify subgraph at the simulator with these app keys. */
export function shopifyEnv(simulator: ShopifySimulator, keys: ShopifyAppKeys): Record<string, string> {
  return {
    SHOPIFY_API_KEY: keys.apiKey,
    SHOPIFY_API_SECRET: keys.apiSecret,
    IONFLUX_MASTER_KEY: keys.masterKey,
    SHOPIFY_ADMIN_ORIGIN: simulator.adminOriginTemplate,
    SHOPIFY_API_VERSION: simulator.apiVersion,
  };
}

/**
 * Connects `shop` to a workspace by driving the kit OAuth functions against the simulator, as the start
 * and callback routes do, without a browser: start → the start route's browser binding (its cookie kept
 * in a jar) → scripted install → completeAuthorization with the jar's cookie. Resolves the connection
 * id; the token is stored sealed exactly as in production.
 */
export async function connectShopifyStore(input: {
  databaseUrl: string;
  simulator: ShopifySimulator;
  keys: ShopifyAppKeys;
  workspaceId: string;
  userId: string;
  shop: string;
  scopes: string[];
}): Promise<string> {
  const sql = postgres(input.databaseUrl, { max: 2, onnotice: () => {} });
  const deps: OAuthDeps = {
    sql,
    cipher: createCredentialCipher(parseKeyring(input.keys.masterKey)),
    bus: createInMemoryEventBus(),
    profiles: {
      shopify: createShopifyOAuthProfile({
        apiKey: input.keys.apiKey,
        apiSecret: input.keys.apiSecret,
        adminOriginTemplate: input.simulator.adminOriginTemplate,
        expiring: false,
      }),
    },
  };
  const key = deriveOAuthSigningKey('shopify', input.keys.apiSecret);
  const redirectUri = 'http://127.0.0.1/oauth/shopify/callback';
  const startUrl = 'http://127.0.0.1/oauth/shopify/start';
  const browser = new CookieJar();
  try {
    const start = await startAuthorization(deps, {
      provider: 'shopify',
      workspaceId: input.workspaceId,
      userId: input.userId,
      owner: { type: 'brand', id: randomUUID() },
      scopes: input.scopes,
      redirectUri,
      startUrl,
      accountHint: input.shop,
    });
    const opened = await beginBrowserAuthorization(deps, {
      key,
      query: { state: start.state },
      cookie: { path: '/oauth/shopify', secure: false },
      redirectUri,
      startUrl,
    });
    if (!opened.ok) throw new Error(`start refused: ${opened.reason}`);
    browser.store(start.startUrl, [opened.setCookie]);
    const approved = await fetch(opened.authorizationUrl, { method: 'POST', redirect: 'manual' });
    const location = approved.headers.get('location');
    if (approved.status !== 302 || !location) throw new Error(`install failed: ${approved.status}`);
    const query = Object.fromEntries(new URL(location).searchParams);
    const result = await completeAuthorization(deps, query, {
      key,
      cookieHeader: browser.header(redirectUri),
    });
    if (!result.ok) throw new Error(`authorization failed: ${result.reason} ${result.message}`);
    return result.connection.id;
  } finally {
    await sql.end();
  }
}
