import type { Database } from '../db/index.ts';
import { invalidRequest } from './invalid-request.ts';
import { listNotifications, MAX_NOTIFICATIONS_PAGE } from './list-notifications.ts';
import { toNotificationView, type WorkspaceNotificationView } from './to-notification-view.ts';

export interface WorkspaceNotificationsArgs {
  unreadOnly?: boolean | null | undefined;
  first?: number | null | undefined;
}

/** `Query.workspaceNotifications`, shared by every integration subgraph that can answer it. */
export async function resolveWorkspaceNotifications<Provider extends string = string>(
  db: Database,
  workspaceId: string,
  args: WorkspaceNotificationsArgs,
): Promise<WorkspaceNotificationView<Provider>[]> {
  const first = args.first ?? undefined;
  if (first !== undefined && (first < 1 || first > MAX_NOTIFICATIONS_PAGE)) {
    throw invalidRequest(`first must be between 1 and ${MAX_NOTIFICATIONS_PAGE}.`);
  }
  const notifications = await listNotifications(db, workspaceId, {
    unreadOnly: args.unreadOnly ?? false,
    ...(first === undefined ? {} : { first }),
  });
  return notifications.map((notification) => toNotificationView<Provider>(notification));
}
