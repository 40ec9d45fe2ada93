import type { Sql } from '../db/index.ts';
import type { EventBus, Queryable } from '../events/index.ts';
import { notificationsTopic } from './notifications-topic.ts';
import type { NotifyInput, WorkspaceNotification } from './workspace-notification.ts';

export interface NotifyDeps {
  sql: Sql;
  bus: EventBus;
}

export interface NotifyOptions {
  /** Store and publish as part of the caller's transaction (e.g. the one that changed the connection). */
  tx?: Queryable;
}

interface InsertedRow {
  id: string;
  created_ms: number;
}

/**
 * Stores a notification for a workspace and publishes it on `workspace:<id>:notifications`, in one
 * transaction: subscribers never hear of a notification that was not stored, and a stored one is
 * always announced.
 */
export async function notify(
  deps: NotifyDeps,
  input: NotifyInput,
  options: NotifyOptions = {},
): Promise<WorkspaceNotification> {
  const run = async (tx: Queryable): Promise<WorkspaceNotification> => {
    const [row] = await tx<InsertedRow[]>`
      insert into kit.workspace_notifications
        (workspace_id, kind, severity, title, message, provider, connection_id, data)
      values (${input.workspaceId}, ${input.kind}, ${input.severity}, ${input.title}, ${input.message},
        ${input.provider ?? null}, ${input.connectionId ?? null}, ${JSON.stringify(input.data ?? {})}::jsonb)
      returning id, floor(extract(epoch from created_at) * 1000)::float8 as created_ms`;
    if (!row) throw new Error('storing a notification returned no row');
    const notification: WorkspaceNotification = {
      id: row.id,
      workspaceId: input.workspaceId,
      kind: input.kind,
      severity: input.severity,
      title: input.title,
      message: input.message,
      provider: input.provider ?? null,
      connectionId: input.connectionId ?? null,
      data: input.data ?? {},
      createdAt: new Date(row.created_ms),
      readAt: null,
    };
    await deps.bus.publish(notificationsTopic(input.workspaceId), notification, { tx });
    return notification;
  };
  return options.tx ? run(options.tx) : deps.sql.begin(run);
}
