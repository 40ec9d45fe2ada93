import type { IntegrationConnectionRow } from '@ionflux/drizzle/kit';
import { integrationConnections } from '@ionflux/drizzle/kit';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index.ts';

export type ConnectionProvider = IntegrationConnectionRow['provider'];
export type ConnectionStatus = IntegrationConnectionRow['status'];
export type ConnectionOwnerType = IntegrationConnectionRow['ownerType'];

export interface ConnectionFilter {
  provider?: ConnectionProvider | undefined;
  status?: ConnectionStatus | undefined;
  ownerType?: ConnectionOwnerType | undefined;
  ownerId?: string | undefined;
}

/** Connections of one workspace, newest first. The workspace is not optional: nothing crosses tenants. */
export async function listConnections(
  db: Database,
  workspaceId: string,
  filter: ConnectionFilter = {},
): Promise<IntegrationConnectionRow[]> {
  const conditions: SQL[] = [eq(integrationConnections.workspaceId, workspaceId)];
  if (filter.provider) conditions.push(eq(integrationConnections.provider, filter.provider));
  if (filter.status) conditions.push(eq(integrationConnections.status, filter.status));
  if (filter.ownerType) conditions.push(eq(integrationConnections.ownerType, filter.ownerType));
  if (filter.ownerId) conditions.push(eq(integrationConnections.ownerId, filter.ownerId));
  return db
    .select()
    .from(integrationConnections)
    .where(and(...conditions))
    .orderBy(desc(integrationConnections.createdAt), desc(integrationConnections.id));
}
