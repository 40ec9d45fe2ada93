import { getAccessToken } from '@ionflux/kit/oauth';
import type { ShopifyOAuth } from './shopify-oauth.ts';

/** Topics the app subscribes to on connect; `app/uninstalled` is what the connection lifecycle needs. */
export const SHOPIFY_WEBHOOK_TOPICS = ['APP_UNINSTALLED'] as const;

const CREATE = `mutation ($topic: WebhookSubscriptionTopic!, $url: URL!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { callbackUrl: $url, format: JSON }) {
    userErrors { message }
  }
}`;

/**
 * Subscribes the store's webhooks to `${IONFLUX_PUBLIC_URL}/webhooks/shopify` right after it connects.
 * Best effort: the connection stands either way, and a failure is logged with its reason (no token).
 */
export async function registerShopifyWebhooks(
  oauth: ShopifyOAuth,
  connection: { id: string; workspaceId: string; shop: string },
): Promise<{ registered: number; failed: string[] }> {
  const { accessToken } = await getAccessToken(oauth.deps, connection.id, connection.workspaceId);
  const failed: string[] = [];
  for (const topic of SHOPIFY_WEBHOOK_TOPICS) {
    const answer = await fetch(oauth.adminGraphqlUrl(connection.shop), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': accessToken },
      body: JSON.stringify({ query: CREATE, variables: { topic, url: oauth.webhookUrl } }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await answer.json().catch(() => ({}))) as {
      errors?: unknown;
      data?: { webhookSubscriptionCreate?: { userErrors?: { message: string }[] } };
    };
    const userErrors = body.data?.webhookSubscriptionCreate?.userErrors ?? [];
    if (!answer.ok || body.errors || userErrors.length > 0) failed.push(topic);
  }
  return { registered: SHOPIFY_WEBHOOK_TOPICS.length - failed.length, failed };
}
