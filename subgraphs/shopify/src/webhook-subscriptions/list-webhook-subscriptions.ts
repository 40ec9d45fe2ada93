import {
  type AdminSession,
  type AdminWebhookSubscription,
  WEBHOOK_SUBSCRIPTIONS_PAGE,
  webhookSubscriptionsQuery,
} from '../admin-api/index.ts';

type WebhookSubscriptionsPage = NonNullable<(typeof webhookSubscriptionsQuery)['__data']>;

/** Every webhook subscription of the app on the shop (all pages). */
export async function listWebhookSubscriptions(session: AdminSession): Promise<AdminWebhookSubscription[]> {
  const all: AdminWebhookSubscription[] = [];
  let after: string | null = null;
  for (;;) {
    const page: WebhookSubscriptionsPage = await session.request(webhookSubscriptionsQuery, {
      first: WEBHOOK_SUBSCRIPTIONS_PAGE,
      after,
    });
    all.push(...page.webhookSubscriptions.nodes);
    if (!page.webhookSubscriptions.pageInfo.hasNextPage) return all;
    after = page.webhookSubscriptions.pageInfo.endCursor;
  }
}

/** The subscriptions that deliver to `callbackUrl`. */
export function subscriptionsTo(
  subscriptions: readonly AdminWebhookSubscription[],
  callbackUrl: string,
): AdminWebhookSubscription[] {
  return subscriptions.filter((subscription) => subscription.endpoint.callbackUrl === callbackUrl);
}
