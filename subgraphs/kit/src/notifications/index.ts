export type { ConnectionChange, ConnectionNotice } from './connection-status-notice.ts';
export { connectionStatusNotice } from './connection-status-notice.ts';
export type { ListNotificationsOptions } from './list-notifications.ts';
export { listNotifications, MAX_NOTIFICATIONS_PAGE } from './list-notifications.ts';
export { markNotificationsRead } from './mark-notifications-read.ts';
export { notificationFromEvent } from './notification-event.ts';
export { notificationsTopic } from './notifications-topic.ts';
export type { NotifyDeps, NotifyOptions } from './notify.ts';
export { notify } from './notify.ts';
export type { ConnectionStatusInput } from './notify-connection-status.ts';
export { notifyConnectionStatus } from './notify-connection-status.ts';
export { MAX_MARK_READ_IDS, resolveMarkNotificationsRead } from './resolve-mark-notifications-read.ts';
export type { WorkspaceNotificationsArgs } from './resolve-workspace-notifications.ts';
export { resolveWorkspaceNotifications } from './resolve-workspace-notifications.ts';
export { subscribeWorkspaceNotifications } from './subscribe-workspace-notifications.ts';
export type { WorkspaceNotificationView } from './to-notification-view.ts';
export { toNotificationView } from './to-notification-view.ts';
export type {
  NotificationKind,
  NotificationProvider,
  NotificationSeverity,
  NotifyInput,
  WorkspaceNotification,
} from './workspace-notification.ts';
