import { IntegrationError } from '@ionflux/kit/errors';
import {
  connectionDeliveryScope,
  listConnectionDeliveries,
  replayConnectionDelivery,
} from '@ionflux/kit/webhooks';
import type { TikTokContext } from '../context.ts';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { listPublishes, MAX_LISTED_PUBLISHES } from '../publish/publish-store.ts';
import { toTikTokPublish } from '../publish/to-tiktok-publish.ts';
import { tiktokProvider } from '../registration.ts';

/** The account's deliveries the connection of the caller's workspace may see, or NOT_FOUND. */
const scopeOf = (context: Pick<TikTokContext, 'db' | 'identity'>, connectionId: string) =>
  connectionDeliveryScope(context.db, context.identity.workspaceId, tiktokProvider, connectionId);

/** `tiktokWebhookDeliveries`: newest first, optionally of one status. */
export const tiktokWebhookDeliveries: NonNullable<QueryResolvers['tiktokWebhookDeliveries']> = async (
  _parent,
  args,
  context,
) => listConnectionDeliveries(context.sql, await scopeOf(context, args.connectionId), args);

/**
 * `replayTikTokWebhookDelivery`: the kit's replay (what `npm run webhooks:replay` runs), for a delivery
 * the caller's workspace may see; answers with the delivery as it stands after the reset.
 */
export const replayTikTokWebhookDelivery: NonNullable<
  MutationResolvers['replayTikTokWebhookDelivery']
> = async (_parent, { connectionId, id }, context) => {
  const scope = await scopeOf(context, connectionId);
  if (!context.queue) {
    throw new IntegrationError(
      'INTERNAL',
      'TikTok is not configured: set TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET and IONFLUX_MASTER_KEY.',
    );
  }
  return replayConnectionDelivery(context.sql, context.queue, scope, id);
};

/** `tiktokPublishes`: the account's publishes, newest first. */
export const tiktokPublishes: NonNullable<QueryResolvers['tiktokPublishes']> = async (
  _parent,
  { connectionId, first },
  context,
) => {
  const count = first ?? 20;
  if (!Number.isInteger(count) || count < 1 || count > MAX_LISTED_PUBLISHES) {
    throw new IntegrationError('INVALID_REQUEST', `first must be between 1 and ${MAX_LISTED_PUBLISHES}.`);
  }
  const scope = await scopeOf(context, connectionId);
  const records = await listPublishes(context.sql, context.identity.workspaceId, scope.connectionId, count);
  return records.map(toTikTokPublish);
};
