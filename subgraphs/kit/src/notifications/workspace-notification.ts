/** What happened; the connection kinds are the ones every integration raises, others may be added. */
export type NotificationKind =
  | 'CONNECTION_CONNECTED'
  | 'CONNECTION_NEEDS_REAUTH'
  | 'CONNECTION_DISCONNECTED'
  | 'CONNECTION_UNINSTALLED'
  | 'CONNECTION_DEGRADED'
  | 'CONNECTION_RECOVERED'
  | (string & {});

export type NotificationSeverity = 'INFO' | 'WARNING' | 'ERROR';

/** The id of the provider a notification concerns (`IntegrationProvider.id`). */
export type NotificationProvider = string;

export interface NotifyInput {
  workspaceId: string;
  kind: NotificationKind;
  severity: NotificationSeverity;
  /** Short, names the account: "Reconnect your <platform> <account noun> <account>". */
  title: string;
  /** What happened and what to do about it, in words a person can act on. */
  message: string;
  provider?: NotificationProvider;
  connectionId?: string;
  /** Client-safe details (never secrets). */
  data?: Record<string, unknown>;
}

/** One stored notification of a workspace (`kit.workspace_notifications`). */
export interface WorkspaceNotification {
  id: string;
  workspaceId: string;
  kind: NotificationKind;
  severity: NotificationSeverity;
  title: string;
  message: string;
  provider: NotificationProvider | null;
  connectionId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  /** When someone in the workspace marked it read; null while unread. */
  readAt: Date | null;
}
