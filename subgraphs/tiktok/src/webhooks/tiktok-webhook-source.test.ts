import { webhookSignature } from '@ionflux/sandbox/tiktok';
import { describe, expect, it } from 'vitest';
import { createTikTokWebhookSource, verifyTikTokSignature } from './tiktok-webhook-source.ts';

const SECRET = 'unit-secret';
const body = Buffer.from('{"event":"authorization.removed","user_openid":"o1","create_time":1}');
const now = 1_700_000_000;

describe('TikTok-Signature', () => {
  it('accepts the simulator’s signature of the exact body within 5 minutes', () => {
    expect(
      verifyTikTokSignature(body, SECRET, webhookSignature(SECRET, now, body.toString()), now * 1000),
    ).toBe(true);
    expect(
      verifyTikTokSignature(body, SECRET, webhookSignature(SECRET, now - 299, body.toString()), now * 1000),
    ).toBe(true);
  });

  it.each([
    ['another secret', webhookSignature('x', now, body.toString()), now],
    ['stale', webhookSignature(SECRET, now - 301, body.toString()), now],
    ['from the future', webhookSignature(SECRET, now + 301, body.toString()), now],
    ['malformed', 't=1,s=zz', now],
    ['no s', `t=${now}`, now],
  ])('refuses %s', (_name, header, at) => {
    expect(verifyTikTokSignature(body, SECRET, header, at * 1000)).toBe(false);
  });

  it('identifies a delivery by its body and reads event and open_id', async () => {
    const source = createTikTokWebhookSource(SECRET, () => now * 1000);
    const verified = await source.verify(body, {
      'tiktok-signature': webhookSignature(SECRET, now, body.toString()),
    });
    expect(verified).toMatchObject({ ok: true, topic: 'authorization.removed', accountId: 'o1' });
    expect(verified.ok && verified.deliveryId).toMatch(/^[0-9a-f]{64}$/);
  });
});
