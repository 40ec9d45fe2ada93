import type { Database } from '@ionflux/kit/db';
import type { Identity } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import type { InstagramOAuth } from './instagram-oauth.ts';

/** What every Instagram resolver gets: the verified caller and the service's handles. */
export interface InstagramContext {
  identity: Identity;
  db: Database;
  logger: Logger;
  /** Connecting accounts; absent when the app credentials or the master key are not configured. */
  oauth: InstagramOAuth | undefined;
}
