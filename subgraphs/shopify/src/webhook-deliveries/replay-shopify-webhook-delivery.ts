import { IntegrationError } from '@ionflux/kit/errors';
import { replayWebhookDelivery } from '@ionflux/kit/webhooks';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { findWebhookDelivery, webhookScopeOf } from './list-webhook-deliveries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `replayShopifyWebhookDelivery`: the kit's replayWebhookDelivery (what `npm run webhooks:replay` runs),
 * for a delivery the caller's workspace may see; answers with the delivery as it stands after the reset.
 */
export const replayShopifyWebhookDelivery: NonNullable<
  MutationResolvers['replayShopifyWebhookDelivery']
> = async (_parent, { connectionId, id }, context) => {
  const notFound = () =>
    new IntegrationError(
      'NOT_FOUND',
      'That webhook delivery does not exist for this connection in this workspace.',
    );
  if (!UUID.test(id)) throw notFound();
  const scope = await webhookScopeOf(context, connectionId);
  if (!(await findWebhookDelivery(context.sql, scope, id))) throw notFound();
  if (!context.jobs) {
    throw new IntegrationError(
      'INTERNAL',
      'Shopify is not configured: set SHOPIFY_API_KEY, SHOPIFY_API_SECRET and IONFLUX_MASTER_KEY.',
    );
  }
  const result = await replayWebhookDelivery(context.sql, context.jobs, id);
  if (!result.ok) {
    switch (result.reason) {
      case 'not_found':
        throw notFound();
      case 'in_progress':
        throw new IntegrationError(
          'INVALID_REQUEST',
          'A worker is applying that delivery right now: try again when it ends.',
        );
      case 'no_process_task':
        throw new IntegrationError(
          'INVALID_REQUEST',
          'That delivery predates replay support and cannot be replayed.',
        );
      default: {
        const unreachable: never = result.reason;
        throw new Error(`unknown replay result ${String(unreachable)}`);
      }
    }
  }
  const replayed = await findWebhookDelivery(context.sql, scope, id);
  if (!replayed) throw notFound();
  return replayed;
};
