import { type ConnectionChange, connectionStatusNotice } from './connection-status-notice.ts';
import { type NotifyDeps, type NotifyOptions, notify } from './notify.ts';
import type { NotificationProvider, WorkspaceNotification } from './workspace-notification.ts';

export interface ConnectionStatusInput {
  workspaceId: string;
  provider: NotificationProvider;
  connectionId: string;
  /** How the workspace knows the account: the store's domain, the TikTok display name. */
  accountLabel: string;
  status: ConnectionChange;
  /** Why, in words for a person ("access was revoked"); never a raw provider error or a secret. */
  reason?: string;
}

/**
 * The one call an integration makes when a connection changes state (connected, needs re-auth,
 * disconnected, uninstalled, degraded, recovered): stores the notification and publishes it.
 */
export function notifyConnectionStatus(
  deps: NotifyDeps,
  input: ConnectionStatusInput,
  options: NotifyOptions = {},
): Promise<WorkspaceNotification> {
  const notice = connectionStatusNotice(input.provider, input.accountLabel, input.status, input.reason);
  return notify(
    deps,
    {
      ...notice,
      workspaceId: input.workspaceId,
      provider: input.provider,
      connectionId: input.connectionId,
      data: {
        status: input.status,
        accountLabel: input.accountLabel,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    },
    options,
  );
}
