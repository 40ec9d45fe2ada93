import type { IntegrationConnectionRow } from '@ionflux/drizzle/kit';
import { integrationConnections } from '@ionflux/drizzle/kit';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

/** A provider id (`IntegrationProvider.id`). */
export type ConnectionProvider = IntegrationConnectionRow['provider'];
export type ConnectionStatus = IntegrationConnectionRow['status'];
export type ConnectionOwnerType = IntegrationConnectionRow['ownerType'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ConnectionFilter {
  provider?: ConnectionProvider | undefined;
  status?: ConnectionStatus | undefined;
  ownerType?: ConnectionOwnerType | undefined;
  ownerId?: string | undefined;
  connectionId?: string | undefined;
}

/**
 * The WHERE of a query over one workspace's connections. The workspace is not optional: nothing crosses
 * tenants. Subgraphs that join their own mirror (shops, accounts) filter with it too.
 */
export function connectionsWhere(workspaceId: string, filter: ConnectionFilter = {}): SQL | undefined {
  // An id that is not a UUID names no connection; Postgres would refuse the cast (an INTERNAL error).
  for (const id of [filter.ownerId, filter.connectionId])
    if (id !== undefined && !UUID.test(id)) return sql`false`;
  const conditions: SQL[] = [eq(integrationConnections.workspaceId, workspaceId)];
  if (filter.provider) conditions.push(eq(integrationConnections.provider, filter.provider));
  if (filter.status) conditions.push(eq(integrationConnections.status, filter.status));
  if (filter.ownerType) conditions.push(eq(integrationConnections.ownerType, filter.ownerType));
  if (filter.ownerId) conditions.push(eq(integrationConnections.ownerId, filter.ownerId));
  if (filter.connectionId) conditions.push(eq(integrationConnections.id, filter.connectionId));
  return and(...conditions);
}

/** Newest first, ties broken by id so pages are stable. */
export const connectionsNewestFirst = [
  desc(integrationConnections.createdAt),
  desc(integrationConnections.id),
];

/** Connections of one workspace, newest first. */
export async function listConnections(
  db: Database,
  workspaceId: string,
  filter: ConnectionFilter = {},
): Promise<IntegrationConnectionRow[]> {
  return db
    .select()
    .from(integrationConnections)
    .where(connectionsWhere(workspaceId, filter))
    .orderBy(...connectionsNewestFirst);
}
