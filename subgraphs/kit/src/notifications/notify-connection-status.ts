import type { IntegrationProvider } from '../connections/index.ts';
import { type ConnectionChange, connectionStatusNotice } from './connection-status-notice.ts';
import { type NotifyDeps, type NotifyOptions, notify } from './notify.ts';
import type { WorkspaceNotification } from './workspace-notification.ts';

export interface ConnectionStatusInput {
  workspaceId: string;
  /** The connection's provider, as its subgraph registered it (the notice's words come from it). */
  provider: IntegrationProvider;
  connectionId: string;
  /** How the workspace knows the account: its display name, or its id where that reads as a name. */
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
      provider: input.provider.id,
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
