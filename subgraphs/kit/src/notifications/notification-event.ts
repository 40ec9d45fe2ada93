import type { BusEvent } from '../events/index.ts';
import type { WorkspaceNotification } from './workspace-notification.ts';

/**
 * Reads a notification back from the event `notify` published (the payload crossed the bus as JSON,
 * so its dates arrive as strings).
 */
export function notificationFromEvent(event: BusEvent): WorkspaceNotification {
  const payload = event.payload as Omit<WorkspaceNotification, 'createdAt' | 'readAt'> & {
    createdAt: string;
    readAt: string | null;
  };
  return {
    ...payload,
    createdAt: new Date(payload.createdAt),
    readAt: payload.readAt === null ? null : new Date(payload.readAt),
  };
}
