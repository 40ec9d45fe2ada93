import type { Database } from '../db/index.ts';
import { invalidRequest } from './invalid-request.ts';
import { markNotificationsRead } from './mark-notifications-read.ts';

/** Most ids one mutation may mark, so a request stays one bounded statement. */
export const MAX_MARK_READ_IDS = 500;

/** `Mutation.markWorkspaceNotificationsRead`: how many of the caller's notifications became read. */
export async function resolveMarkNotificationsRead(
  db: Database,
  workspaceId: string,
  args: { ids: readonly string[] },
): Promise<number> {
  if (args.ids.length > MAX_MARK_READ_IDS) {
    throw invalidRequest(`Mark at most ${MAX_MARK_READ_IDS} notifications at once.`);
  }
  return markNotificationsRead(db, workspaceId, args.ids);
}
