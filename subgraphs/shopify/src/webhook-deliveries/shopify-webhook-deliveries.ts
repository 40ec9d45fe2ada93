import { IntegrationError } from '@ionflux/kit/errors';
import {
  type ConnectionDelivery,
  connectionDeliveryScope,
  listConnectionDeliveries,
  replayConnectionDelivery,
} from '@ionflux/kit/webhooks';
import type { ShopifyContext } from '../context.ts';
import type {
  MutationResolvers,
  ShopifyWebhookDelivery,
  ShopifyWebhookDeliveryStatus,
} from '../generated/resolvers-types.ts';
import { shopifyProvider } from '../registration.ts';

/** The store's deliveries the connection of the caller's workspace may see, or NOT_FOUND. */
const scopeOf = (context: Pick<ShopifyContext, 'db' | 'identity'>, connectionId: string) =>
  connectionDeliveryScope(context.db, context.identity.workspaceId, shopifyProvider, connectionId);

const toShopifyDelivery = ({ deliveryId, ...delivery }: ConnectionDelivery): ShopifyWebhookDelivery => ({
  ...delivery,
  shopifyDeliveryId: deliveryId,
});

/** `shopifyWebhookDeliveries`: newest first, optionally of one status. */
export async function listWebhookDeliveries(
  context: Pick<ShopifyContext, 'db' | 'sql' | 'identity'>,
  args: { connectionId: string; status?: ShopifyWebhookDeliveryStatus | null; first?: number | null },
): Promise<ShopifyWebhookDelivery[]> {
  const scope = await scopeOf(context, args.connectionId);
  const deliveries = await listConnectionDeliveries(context.sql, scope, args);
  return deliveries.map(toShopifyDelivery);
}

/**
 * `replayShopifyWebhookDelivery`: the kit's replay (what `npm run webhooks:replay` runs), for a delivery
 * the caller's workspace may see; answers with the delivery as it stands after the reset.
 */
export const replayShopifyWebhookDelivery: NonNullable<
  MutationResolvers['replayShopifyWebhookDelivery']
> = async (_parent, { connectionId, id }, context) => {
  const scope = await scopeOf(context, connectionId);
  if (!context.jobs) {
    throw new IntegrationError(
      'INTERNAL',
      'Shopify is not configured: set SHOPIFY_API_KEY, SHOPIFY_API_SECRET and IONFLUX_MASTER_KEY.',
    );
  }
  return toShopifyDelivery(await replayConnectionDelivery(context.sql, context.jobs, scope, id));
};
