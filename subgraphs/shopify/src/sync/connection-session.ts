import type { AdminApiDeps, AdminSession } from '../admin-api/index.ts';
import { openAdminSession } from '../admin-api/index.ts';

/** A connection as background work (sync, webhook subscriptions) reads it. */
export interface SyncConnection {
  connectionId: string;
  workspaceId: string;
  brandId: string;
  shop: string;
  status: string;
  connectedBy: string | null;
}

// Background work has no caller; a missing scope would name this nobody in a grant URL it never shows.
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** An Admin session for background work on a connection: its token, the shop's shared bucket. */
export function openConnectionSession(
  admin: AdminApiDeps,
  connection: SyncConnection,
  signal?: AbortSignal,
): Promise<AdminSession> {
  return openAdminSession(
    admin,
    {
      connectionId: connection.connectionId,
      workspaceId: connection.workspaceId,
      userId: connection.connectedBy ?? NOBODY,
    },
    signal,
  );
}
