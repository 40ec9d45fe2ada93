import { type AdminSession, webhookSubscriptionCreate } from '../admin-api/index.ts';
import { SHOPIFY_WEBHOOK_TOPICS, type ShopifyWebhookTopic } from '../webhooks/index.ts';
import { listWebhookSubscriptions, subscriptionsTo } from './list-webhook-subscriptions.ts';

export interface EnsuredSubscriptions {
  /** Topics subscribed by this call (missing before). */
  created: ShopifyWebhookTopic[];
  /** Topics still not subscribed when listed again afterwards (empty: verified complete). */
  missing: ShopifyWebhookTopic[];
  /** Why a create was refused, per topic. */
  refused: Partial<Record<ShopifyWebhookTopic, string>>;
}

/**
 * Makes the shop's subscriptions complete: lists them, subscribes every topic of
 * {@link SHOPIFY_WEBHOOK_TOPICS} that has none to `callbackUrl`, then lists again to verify (Shopify's
 * create can answer nothing useful, and deletes subscriptions after repeated failed deliveries, so the
 * listing is the truth). Subscriptions belong to the app and the shop: a store connected in two
 * workspaces shares them.
 */
export async function ensureWebhookSubscriptions(
  session: AdminSession,
  callbackUrl: string,
): Promise<EnsuredSubscriptions> {
  const present = new Set(
    subscriptionsTo(await listWebhookSubscriptions(session), callbackUrl).map(
      (subscription) => subscription.topic,
    ),
  );
  const created: ShopifyWebhookTopic[] = [];
  const refused: EnsuredSubscriptions['refused'] = {};
  for (const topic of SHOPIFY_WEBHOOK_TOPICS) {
    if (present.has(topic)) continue;
    const answer = await session.request(webhookSubscriptionCreate, { topic, url: callbackUrl });
    const errors = answer.webhookSubscriptionCreate?.userErrors ?? [];
    if (answer.webhookSubscriptionCreate?.webhookSubscription) created.push(topic);
    else refused[topic] = errors.map((error) => error.message).join('; ') || 'no subscription returned';
  }
  const verified = new Set(
    subscriptionsTo(await listWebhookSubscriptions(session), callbackUrl).map(
      (subscription) => subscription.topic,
    ),
  );
  return { created, missing: SHOPIFY_WEBHOOK_TOPICS.filter((topic) => !verified.has(topic)), refused };
}
