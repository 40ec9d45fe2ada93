import type { Database, Sql } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import type { Identity } from '@ionflux/kit/identity';
import type { JobQueue } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import type { ShopifyOAuth } from './oauth/index.ts';
import type { ShopifyRequestScope } from './queries/index.ts';

/** What every Shopify resolver gets: the verified caller, the services' handles, this request's scope. */
export interface ShopifyContext {
  identity: Identity;
  db: Database;
  /** The same pool as `db`, for the mirror's SQL (see kit/db on timestamps). */
  sql: Sql;
  bus: EventBus;
  /** Where syncs are scheduled; absent when the app is not configured. */
  jobs: JobQueue | undefined;
  logger: Logger;
  /** Connecting stores; absent when the app credentials or the master key are not configured. */
  oauth: ShopifyOAuth | undefined;
  /**
   * This request's handles on connected stores (Admin sessions, batching loaders), opened on first use;
   * answers INTERNAL naming the missing configuration when the app is not configured.
   */
  stores: ShopifyRequestScope;
}
