import { webhookSignature } from '@ionflux/sandbox/tiktok';

/**
 * Posts a developer webhook to the gateway's `POST /webhooks/tiktok` exactly as TikTok sends one: the
 * body's fields in TikTok's order, `content` a JSON string, signed with the app's client secret
 * (`TikTok-Signature`). Resolves the gateway's answer.
 */
export function sendTikTokWebhook(input: {
  gatewayUrl: string;
  keys: { clientKey: string; clientSecret: string };
  event: string;
  openId: string;
  content: Record<string, unknown>;
}): Promise<Response> {
  const now = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    client_key: input.keys.clientKey,
    event: input.event,
    create_time: now,
    user_openid: input.openId,
    content: JSON.stringify(input.content),
  });
  return fetch(new URL('/webhooks/tiktok', input.gatewayUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'tiktok-signature': webhookSignature(input.keys.clientSecret, now, body),
    },
    body,
  });
}
