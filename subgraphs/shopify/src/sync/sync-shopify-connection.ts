import { IntegrationError } from '@ionflux/kit/errors';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { listShopifyConnections, toShopifyConnection } from '../queries/index.ts';
import { enqueueSync } from './sync-jobs.ts';

/**
 * `syncShopifyConnection(connectionId)`: schedules a sync now (the backfill if none completed, else the
 * changes since the last one) and answers with the connection marked RUNNING. A connection that is not
 * CONNECTED is INTEGRATION_NOT_CONNECTED.
 */
export const syncShopifyConnection: NonNullable<MutationResolvers['syncShopifyConnection']> = async (
  _parent,
  { connectionId },
  { db, sql, jobs, identity },
) => {
  const [record] = await listShopifyConnections(db, identity.workspaceId, { connectionId });
  if (!record)
    throw new IntegrationError('NOT_FOUND', 'That Shopify connection does not exist in this workspace.');
  if (record.connection.status !== 'CONNECTED') {
    throw new IntegrationError(
      'INTEGRATION_NOT_CONNECTED',
      `The store ${record.connection.accountId} is ${record.connection.status}: reconnect it before syncing.`,
    );
  }
  if (!jobs) {
    throw new IntegrationError(
      'INTERNAL',
      'Shopify is not configured: set SHOPIFY_API_KEY, SHOPIFY_API_SECRET and IONFLUX_MASTER_KEY.',
    );
  }
  await sql.begin(async (tx) => {
    await tx`
      update kit.integration_connections set sync_status = 'RUNNING', sync_error_code = null
      where id = ${record.connection.id}`;
    await enqueueSync(jobs, record.connection.id, tx);
  });
  const [updated] = await listShopifyConnections(db, identity.workspaceId, { connectionId });
  return toShopifyConnection(updated ?? record);
};
