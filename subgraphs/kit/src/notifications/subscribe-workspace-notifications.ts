import { type EventBus, subscribeIterator } from '../events/index.ts';
import { notificationFromEvent } from './notification-event.ts';
import { notificationsTopic } from './notifications-topic.ts';
import { toNotificationView, type WorkspaceNotificationView } from './to-notification-view.ts';

/** `Subscription.workspaceNotifications`: what `notify` publishes for this workspace, as it happens. */
export function subscribeWorkspaceNotifications<Provider extends string = string>(
  bus: EventBus,
  workspaceId: string,
): AsyncIterableIterator<{ workspaceNotifications: WorkspaceNotificationView<Provider> }> {
  return subscribeIterator(bus, notificationsTopic(workspaceId), (event) => ({
    workspaceNotifications: toNotificationView<Provider>(notificationFromEvent(event)),
  }));
}
