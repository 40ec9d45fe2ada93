import type { Sql } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import type { Logger } from '@ionflux/kit/logging';
import { deriveOAuthSigningKey } from '@ionflux/kit/oauth';
import type { ShopifyConfig } from '../config.ts';
import type { ShopifyOAuth } from './shopify-oauth.ts';
import type { ShopifyOAuthBase } from './shopify-oauth-base.ts';

/** Binds the loaded credentials to the process's pool and bus; one per process, shared by requests. */
export function createShopifyOAuth(
  base: ShopifyOAuthBase,
  handles: { sql: Sql; bus: EventBus; logger: Logger },
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
  return {
    deps: {
      sql: handles.sql,
      bus: handles.bus,
      cipher: base.cipher,
      profiles: base.profiles,
      logger: handles.logger,
    },
    apiSecret: base.apiSecret,
    redirectUri: new URL('/oauth/shopify/callback', publicUrl).toString(),
    startUrl: new URL('/oauth/shopify/start', publicUrl).toString(),
    signingKey: deriveOAuthSigningKey('shopify', base.apiSecret),
    cookie: { path: '/oauth/shopify', secure: publicUrl.protocol === 'https:' },
    grantUrlTtlMs: config.SHOPIFY_GRANT_URL_TTL_SECONDS * 1000,
    webhookUrl: new URL('/webhooks/shopify', publicUrl).toString(),
    adminGraphqlUrl: (shop) =>
      `${config.SHOPIFY_ADMIN_ORIGIN.replace('{shop}', shop)}/admin/api/${config.SHOPIFY_API_VERSION}/graphql.json`,
    returnUrl: config.SHOPIFY_OAUTH_RETURN_URL,
  };
}
