import type { Database, Sql } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import type { Identity } from '@ionflux/kit/identity';
import type { JobQueue } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import type DataLoader from 'dataloader';
import type { TikTokPacer } from './api/tiktok-pacer.ts';
import type { TikTokVideo } from './generated/resolvers-types.ts';
import type { TikTokOAuth } from './oauth/index.ts';

/** What every TikTok resolver gets: the verified caller and the service's handles. */
export interface TikTokContext {
  identity: Identity;
  db: Database;
  logger: Logger;
  /** Connecting accounts; absent when the app credentials or the master key are not configured. */
  oauth: TikTokOAuth | undefined;
  /** `TIKTOK_API_ORIGIN`. */
  apiOrigin: string;
  /** TikTok's per-account, per-endpoint limits, kept by this process (one pacer per process). */
  pacer: TikTokPacer;
  /** This request's TikTokVideo entities by id (`createVideoByIdLoader`). */
  videosById: DataLoader<string, TikTokVideo | null>;
  /** The same pool as `db`, for raw SQL (publishes, uploads). */
  sql: Sql;
  bus: EventBus;
  /** Where publish jobs are enqueued; absent when TikTok is not configured. */
  queue: JobQueue | undefined;
  publishing: {
    /** `TIKTOK_PULL_ORIGINS`. */
    pullOrigins: readonly string[];
  };
}
