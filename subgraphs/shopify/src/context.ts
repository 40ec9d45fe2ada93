import type { Database } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import type { Identity } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import type { AdminApiDeps } from './admin-api/index.ts';
import type { ShopifyOAuth } from './oauth/shopify-oauth.ts';

/** What every Shopify resolver gets: the verified caller and the service's handles. */
export interface ShopifyContext {
  identity: Identity;
  db: Database;
  bus: EventBus;
  logger: Logger;
  /** Connecting stores; absent when the app credentials or the master key are not configured. */
  oauth: ShopifyOAuth | undefined;
  /** Reading stores through the Admin API; absent exactly when `oauth` is. */
  admin: AdminApiDeps | undefined;
}
