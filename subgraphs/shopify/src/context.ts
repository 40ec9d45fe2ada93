import type { Database } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import type { Identity } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';

/** What every Shopify resolver gets: the verified caller and the service's handles. */
export interface ShopifyContext {
  identity: Identity;
  db: Database;
  bus: EventBus;
  logger: Logger;
}
