import type { Sql } from '@ionflux/kit/db';
import type { CronDefinition, TaskDefinition } from '@ionflux/kit/jobs';

export const PRUNE_UPLOADS_TASK = 'tiktok.uploads.prune';

/** Minute 23 of every hour (UTC). */
export const PRUNE_UPLOADS_CRON: CronDefinition = { task: PRUNE_UPLOADS_TASK, pattern: '23 * * * *' };

/**
 * Deletes uploads past their expiry that no publish is still sending (their parts go with them), and the
 * bytes of uploads whose publish is over: files never outlive their use by more than the TTL.
 */
export function pruneUploadsTask(sql: Sql): TaskDefinition<unknown> {
  return {
    name: PRUNE_UPLOADS_TASK,
    async handler(_payload, { logger }) {
      const expired = await sql`
        delete from tiktok.uploads u where u.expires_at < now()
          and not exists (select 1 from tiktok.publish_jobs p
            where p.upload_id = u.id and p.status in ('QUEUED', 'INITIATING', 'UPLOADING'))`;
      const spent = await sql`
        delete from tiktok.upload_parts x using tiktok.publish_jobs p
        where p.upload_id = x.upload_id and p.status in ('PROCESSING', 'PUBLISH_COMPLETE', 'FAILED')`;
      logger.info({ expired: expired.count, spentParts: spent.count }, 'tiktok uploads pruned');
    },
  };
}
