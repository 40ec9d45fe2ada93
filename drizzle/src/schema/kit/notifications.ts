import { check, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { providerIdFormat } from './connections.ts';
import { kit } from './kit-schema.ts';

export const notificationSeverity = kit.enum('notification_severity', ['INFO', 'WARNING', 'ERROR']);

/** What a workspace is told about its integrations (spec 2.3 "notify the user/workspace", 4.E). */
export const workspaceNotifications = kit.table(
  'workspace_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    /** e.g. CONNECTION_CONNECTED, CONNECTION_NEEDS_REAUTH, CONNECTION_UNINSTALLED, CONNECTION_DEGRADED. */
    kind: text('kind').notNull(),
    severity: notificationSeverity('severity').notNull(),
    title: text('title').notNull(),
    message: text('message').notNull(),
    /** The provider id of the connection it concerns, if any. */
    provider: text('provider'),
    connectionId: uuid('connection_id'),
    /** Client-safe details (never secrets). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('workspace_notifications_workspace_idx').on(t.workspaceId, t.createdAt),
    check('workspace_notifications_provider_format', providerIdFormat(t.provider)),
  ],
);

export type WorkspaceNotificationRow = typeof workspaceNotifications.$inferSelect;
