import { IntegrationError } from '@ionflux/kit/errors';
import { revoke } from '@ionflux/kit/oauth';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { listShopifyConnections, toShopifyConnection } from '../queries/index.ts';
import { requireShopifyOAuth } from './shopify-oauth.ts';

/**
 * `disconnectShopifyConnection`: deletes the token and marks the connection DISCONNECTED (notified once).
 * Shopify has no revoke endpoint; the app stays installed until the merchant removes it.
 */
export const disconnectShopifyConnection: NonNullable<
  MutationResolvers['disconnectShopifyConnection']
> = async (_parent, { connectionId }, { oauth, db, identity }) => {
  const { deps } = requireShopifyOAuth(oauth);
  const find = async () => {
    const [record] = await listShopifyConnections(db, identity.workspaceId, { connectionId });
    if (!record)
      throw new IntegrationError('NOT_FOUND', 'That Shopify connection does not exist in this workspace.');
    return record;
  };
  const record = await find();
  await revoke(deps, { id: record.connection.id, workspace_id: identity.workspaceId });
  return toShopifyConnection(await find());
};
