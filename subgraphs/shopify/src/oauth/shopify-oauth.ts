import type { Sql } from '@ionflux/kit/db';
import { IntegrationError } from '@ionflux/kit/errors';
import type { EventBus } from '@ionflux/kit/events';
import type { ConnectionHealth } from '@ionflux/kit/health';
import type { Logger } from '@ionflux/kit/logging';
import type { Registry } from '@ionflux/kit/metrics';
import {
  deriveOAuthSigningKey,
  type OAuthDeps,
  type OAuthSigningKey,
  registerOAuthMetrics,
} from '@ionflux/kit/oauth';
import { webhookPath } from '@ionflux/kit/webhooks';
import type { ShopifyConfig } from '../config.ts';
import { shopifyProvider } from '../registration.ts';
import type { ShopifyOAuthBase } from './shopify-oauth-base.ts';

/** The Shopify OAuth handles of the process: the kit's deps, the app secret, and where callbacks go. */
export interface ShopifyOAuth {
  deps: OAuthDeps;
  apiSecret: string;
  /** `${IONFLUX_PUBLIC_URL}/oauth/shopify/callback`. */
  redirectUri: string;
  /** `${IONFLUX_PUBLIC_URL}/oauth/shopify/start`: what `startShopifyConnection` and grant URLs link to. */
  startUrl: string;
  /** Signs browser-binding cookies and grant tickets: HKDF of `SHOPIFY_API_SECRET`. */
  signingKey: OAuthSigningKey;
  /** The binding cookie: path `/oauth/shopify` (start and callback), `Secure` when the public URL is https. */
  cookie: { path: string; secure: boolean };
  /** `SHOPIFY_GRANT_URL_TTL_SECONDS` in ms. */
  grantUrlTtlMs: number;
  /** `${IONFLUX_PUBLIC_URL}/webhooks/shopify`: where the store's webhooks are subscribed. */
  webhookUrl: string;
  /** The Admin GraphQL endpoint of a shop at the configured API version. */
  adminGraphqlUrl(shop: string): string;
  /** `SHOPIFY_OAUTH_RETURN_URL`, when set. */
  returnUrl: string | undefined;
}

/** Binds the loaded credentials to the process's pool and bus; one per process, shared by requests. */
export function createShopifyOAuth(
  base: ShopifyOAuthBase,
  handles: {
    sql: Sql;
    bus: EventBus;
    logger: Logger;
    registry?: Registry;
    health?: Pick<ConnectionHealth, 'record'>;
  },
  config: Pick<
    ShopifyConfig,
    | 'IONFLUX_PUBLIC_URL'
    | 'SHOPIFY_OAUTH_RETURN_URL'
    | 'SHOPIFY_ADMIN_ORIGIN'
    | 'SHOPIFY_API_VERSION'
    | 'SHOPIFY_GRANT_URL_TTL_SECONDS'
  >,
): ShopifyOAuth {
  const publicUrl = new URL(config.IONFLUX_PUBLIC_URL);
  const id = shopifyProvider.id;
  if (handles.registry) registerOAuthMetrics(handles.registry);
  return {
    deps: {
      sql: handles.sql,
      bus: handles.bus,
      cipher: base.cipher,
      profiles: base.profiles,
      logger: handles.logger,
      ...(handles.registry ? { registry: handles.registry } : {}),
      ...(handles.health ? { health: handles.health } : {}),
    },
    apiSecret: base.apiSecret,
    redirectUri: new URL(`/oauth/${id}/callback`, publicUrl).toString(),
    startUrl: new URL(`/oauth/${id}/start`, publicUrl).toString(),
    signingKey: deriveOAuthSigningKey(id, base.apiSecret),
    cookie: { path: `/oauth/${id}`, secure: publicUrl.protocol === 'https:' },
    grantUrlTtlMs: config.SHOPIFY_GRANT_URL_TTL_SECONDS * 1000,
    webhookUrl: new URL(webhookPath(id), publicUrl).toString(),
    adminGraphqlUrl: (shop) =>
      `${config.SHOPIFY_ADMIN_ORIGIN.replace('{shop}', shop)}/admin/api/${config.SHOPIFY_API_VERSION}/graphql.json`,
    returnUrl: config.SHOPIFY_OAUTH_RETURN_URL,
  };
}

/** The OAuth handles, or INTERNAL naming the missing configuration. */
export function requireShopifyOAuth(oauth: ShopifyOAuth | undefined): ShopifyOAuth {
  if (!oauth) {
    throw new IntegrationError(
      'INTERNAL',
      'Shopify is not configured: set SHOPIFY_API_KEY, SHOPIFY_API_SECRET and IONFLUX_MASTER_KEY.',
    );
  }
  return oauth;
}
