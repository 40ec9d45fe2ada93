import { workspaceNotifications } from '@ionflux/drizzle/kit';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks notifications of one workspace read and says how many changed. Ids of another workspace,
 * unknown ids and ids already read change nothing (and are not told apart, so ids cannot be probed).
 */
export async function markNotificationsRead(
  db: Database,
  workspaceId: string,
  ids: readonly string[],
): Promise<number> {
  // Not a UUID cannot name a notification; filtering spares Postgres a cast error.
  const candidates = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (candidates.length === 0) return 0;
  const updated = await db
    .update(workspaceNotifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(workspaceNotifications.workspaceId, workspaceId),
        inArray(workspaceNotifications.id, candidates),
        isNull(workspaceNotifications.readAt),
      ),
    )
    .returning({ id: workspaceNotifications.id });
  return updated.length;
}
