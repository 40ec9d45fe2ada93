import type { Database } from '../db/index.ts';
import { type ConnectionStatus, listConnections } from './list-connections.ts';
import {
  type IntegrationConnectionView,
  providerFromGraphQL,
  toIntegrationConnection,
} from './to-integration-connection.ts';

export interface IntegrationConnectionsArgs {
  provider?: 'SHOPIFY' | 'TIKTOK' | null | undefined;
  status?: ConnectionStatus | null | undefined;
}

/** `Query.integrationConnections`, shared by every integration subgraph that can answer it. */
export async function resolveIntegrationConnections(
  db: Database,
  workspaceId: string,
  args: IntegrationConnectionsArgs,
): Promise<IntegrationConnectionView[]> {
  const rows = await listConnections(db, workspaceId, {
    provider: args.provider ? providerFromGraphQL(args.provider) : undefined,
    status: args.status ?? undefined,
  });
  return rows.map(toIntegrationConnection);
}
