import { graphqlProviderValue } from '../connections/index.ts';
import type { WorkspaceNotification } from './workspace-notification.ts';

/**
 * The GraphQL `WorkspaceNotification` shape (schema/connections.graphql). `Provider` is the subgraph's
 * generated `IntegrationProvider` type (see `graphqlProviderValue`).
 */
export interface WorkspaceNotificationView<Provider extends string = string> {
  id: string;
  kind: string;
  severity: WorkspaceNotification['severity'];
  title: string;
  message: string;
  provider: Provider | null;
  connectionId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export function toNotificationView<Provider extends string = string>(
  notification: WorkspaceNotification,
): WorkspaceNotificationView<Provider> {
  return {
    id: notification.id,
    kind: notification.kind,
    severity: notification.severity,
    title: notification.title,
    message: notification.message,
    provider:
      notification.provider === null ? null : (graphqlProviderValue(notification.provider) as Provider),
    connectionId: notification.connectionId,
    createdAt: notification.createdAt,
    readAt: notification.readAt,
  };
}
