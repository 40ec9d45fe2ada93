import { IntegrationError } from '@ionflux/kit/errors';
import { revoke } from '@ionflux/kit/oauth';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { listShopifyConnections, toShopifyConnection } from '../queries/index.ts';
import { shopifyProvider } from '../registration.ts';
import { removeWebhookSubscriptions } from '../webhook-subscriptions/index.ts';
import { requireShopifyOAuth } from './shopify-oauth.ts';

/**
 * `disconnectShopifyConnection`: removes the store's webhook subscriptions while the token still works
 * (unless another workspace still holds the store: subscriptions belong to the app and the store), then
 * deletes the token and marks the connection DISCONNECTED (notified once). Shopify has no revoke
 * endpoint; the app stays installed until the merchant removes it. The mirror is kept (its history
 * stays readable) and no longer synced.
 */
export const disconnectShopifyConnection: NonNullable<
  MutationResolvers['disconnectShopifyConnection']
> = async (_parent, { connectionId }, { oauth, db, sql, stores, logger, identity }) => {
  const shopifyOAuth = requireShopifyOAuth(oauth);
  const find = async () => {
    const [record] = await listShopifyConnections(db, identity.workspaceId, { connectionId });
    if (!record)
      throw new IntegrationError('NOT_FOUND', 'That Shopify connection does not exist in this workspace.');
    return record;
  };
  const record = await find();
  const { connection } = record;
  const [shared] = await sql`
    select 1 from kit.integration_connections
    where provider = ${shopifyProvider.id} and account_id = ${connection.accountId} and id <> ${connection.id}
      and status in ('CONNECTED', 'NEEDS_REAUTH')`;
  if (!shared && connection.status === 'CONNECTED') {
    try {
      const { session } = await stores.connection(connection.id);
      const removed = await removeWebhookSubscriptions(session, shopifyOAuth.webhookUrl);
      logger.info({ connectionId, removed }, 'shopify webhook subscriptions removed');
    } catch (error) {
      // The store may already refuse the token; disconnecting must not depend on Shopify answering.
      logger.warn({ err: error, connectionId }, 'shopify webhook subscriptions not removed');
    }
  }
  await revoke(shopifyOAuth.deps, { id: connection.id, workspace_id: identity.workspaceId });
  await sql`
    update kit.integration_connections set sync_status = null, sync_error_code = null
    where id = ${connection.id} and status = 'DISCONNECTED'`;
  return toShopifyConnection(await find());
};
