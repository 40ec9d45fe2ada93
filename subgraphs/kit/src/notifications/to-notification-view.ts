import type { WorkspaceNotification } from './workspace-notification.ts';

/** The GraphQL `WorkspaceNotification` shape (schema/connections.graphql). */
export interface WorkspaceNotificationView {
  id: string;
  kind: string;
  severity: WorkspaceNotification['severity'];
  title: string;
  message: string;
  provider: 'SHOPIFY' | 'TIKTOK' | null;
  connectionId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export function toNotificationView(notification: WorkspaceNotification): WorkspaceNotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    severity: notification.severity,
    title: notification.title,
    message: notification.message,
    provider:
      notification.provider === null ? null : notification.provider === 'shopify' ? 'SHOPIFY' : 'TIKTOK',
    connectionId: notification.connectionId,
    createdAt: notification.createdAt,
    readAt: notification.readAt,
  };
}
