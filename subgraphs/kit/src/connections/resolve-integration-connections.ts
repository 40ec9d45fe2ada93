import type { Database } from '../db/index.ts';
import { providerIdOf } from './integration-provider.ts';
import { type ConnectionStatus, listConnections } from './list-connections.ts';
import { type IntegrationConnectionView, toIntegrationConnection } from './to-integration-connection.ts';

export interface IntegrationConnectionsArgs<Provider extends string = string> {
  /** A value of the GraphQL `IntegrationProvider` enum. */
  provider?: Provider | null | undefined;
  status?: ConnectionStatus | null | undefined;
}

/** `Query.integrationConnections`, shared by every integration subgraph that can answer it. */
export async function resolveIntegrationConnections<Provider extends string>(
  db: Database,
  workspaceId: string,
  args: IntegrationConnectionsArgs<Provider>,
): Promise<IntegrationConnectionView<Provider>[]> {
  const rows = await listConnections(db, workspaceId, {
    provider: args.provider ? providerIdOf(args.provider) : undefined,
    status: args.status ?? undefined,
  });
  return rows.map((row) => toIntegrationConnection<Provider>(row));
}
