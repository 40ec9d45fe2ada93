import { type AdminSession, webhookSubscriptionDelete } from '../admin-api/index.ts';
import { listWebhookSubscriptions, subscriptionsTo } from './list-webhook-subscriptions.ts';

/** Deletes the app's subscriptions on the shop that deliver to `callbackUrl`; resolves how many went. */
export async function removeWebhookSubscriptions(
  session: AdminSession,
  callbackUrl: string,
): Promise<number> {
  let removed = 0;
  for (const subscription of subscriptionsTo(await listWebhookSubscriptions(session), callbackUrl)) {
    const answer = await session.request(webhookSubscriptionDelete, { id: subscription.id });
    if (answer.webhookSubscriptionDelete?.deletedWebhookSubscriptionId) removed++;
  }
  return removed;
}
