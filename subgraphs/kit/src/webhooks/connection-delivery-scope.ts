import type { IntegrationProvider } from '../connections/index.ts';
import { listConnections } from '../connections/index.ts';
import type { Database } from '../db/index.ts';
import { IntegrationError } from '../errors/index.ts';
import type { ConnectionDeliveryScope } from './connection-deliveries.ts';

/**
 * The deliveries a connection of the caller's workspace may see (its provider's, naming its account,
 * received since it was made). NOT_FOUND, in the provider's words, when the workspace has no such
 * connection of that provider: another workspace's connection and one of another provider read alike.
 */
export async function connectionDeliveryScope(
  db: Database,
  workspaceId: string,
  provider: IntegrationProvider,
  connectionId: string,
): Promise<ConnectionDeliveryScope> {
  const [connection] = await listConnections(db, workspaceId, { provider: provider.id, connectionId });
  if (!connection) {
    throw new IntegrationError(
      'NOT_FOUND',
      `That ${provider.displayName} connection does not exist in this workspace.`,
    );
  }
  return {
    connectionId: connection.id,
    provider: provider.id,
    accountId: connection.accountId,
    since: new Date(connection.createdAt),
  };
}
