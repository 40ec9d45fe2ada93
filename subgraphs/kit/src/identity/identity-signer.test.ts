import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createIdentitySigner } from './identity-signer.ts';

const secret = 's'.repeat(48);
const identity = {
  userId: '0d919aca-0a08-4515-8d8f-5dcee1aef50a',
  workspaceId: '32651dbd-9eab-4c5d-a3d3-7d2d8c6af53e',
  requestId: 'req-1',
};

describe('createIdentitySigner', () => {
  it('round-trips the identity it signed', async () => {
    const signer = createIdentitySigner(secret);
    expect(signer.verify(signer.sign(identity))).toEqual({ ok: true, identity });
  });

  it('signs a caller without a request id, so one token serves many requests', () => {
    const signer = createIdentitySigner(secret);
    const caller = { userId: identity.userId, workspaceId: identity.workspaceId };
    const token = signer.sign(caller);
    expect(signer.verify(token)).toEqual({ ok: true, identity: caller });
    expect(signer.verify(token)).toEqual({ ok: true, identity: caller });
  });

  it.each([
    ['no header', async () => undefined, /missing/],
    ['another secret', async () => createIdentitySigner('t'.repeat(48)).sign(identity), /invalid or expired/],
    [
      'an expired signature',
      async () => createIdentitySigner(secret, -1).sign(identity),
      /invalid or expired/,
    ],
    ['garbage', async () => 'not-a-jwt', /invalid or expired/],
    [
      'a caller JWT signed with the same secret but not by the gateway',
      async () =>
        new SignJWT({ workspace_id: identity.workspaceId })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(identity.userId)
          .setExpirationTime('1m')
          .sign(new TextEncoder().encode(secret)),
      /invalid or expired/,
    ],
  ])('refuses %s', async (_name, token, reason) => {
    const result = createIdentitySigner(secret).verify(await token());
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
