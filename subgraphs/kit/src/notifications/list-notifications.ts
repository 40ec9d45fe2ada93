import { workspaceNotifications } from '@ionflux/drizzle/kit';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { WorkspaceNotification } from './workspace-notification.ts';

export interface ListNotificationsOptions {
  /** Only notifications nobody marked read. @default false */
  unreadOnly?: boolean;
  /** How many, newest first. @default 50 */
  first?: number;
}

/** Most notifications a single read returns. */
export const MAX_NOTIFICATIONS_PAGE = 200;

/** A workspace's notifications, newest first. The workspace is not optional: nothing crosses tenants. */
export async function listNotifications(
  db: Database,
  workspaceId: string,
  options: ListNotificationsOptions = {},
): Promise<WorkspaceNotification[]> {
  const conditions: SQL[] = [eq(workspaceNotifications.workspaceId, workspaceId)];
  if (options.unreadOnly) conditions.push(isNull(workspaceNotifications.readAt));
  const limit = Math.min(Math.max(options.first ?? 50, 0), MAX_NOTIFICATIONS_PAGE);
  return db
    .select()
    .from(workspaceNotifications)
    .where(and(...conditions))
    .orderBy(desc(workspaceNotifications.createdAt), desc(workspaceNotifications.id))
    .limit(limit);
}
