import { createHmac, randomBytes } from 'node:crypto';

/**
 * An `x-ionflux-identity` value claiming a workspace, as an attacker would send it: an HS256 token with
 * the claims today's subgraphs read (`sub`, `wid`, issuer and audience), signed with `secret` when the
 * attacker got hold of it (the strongest forgery) or a random key. Built by hand so the forgery does
 * not depend on how the gateway signs.
 */
export function forgeIdentity(input: { workspaceId: string; userId: string; secret?: string }): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
    sub: input.userId,
    wid: input.workspaceId,
    iss: 'ionflux-gateway',
    aud: 'ionflux-subgraph',
    iat: now,
    exp: now + 300,
  })}`;
  const key = input.secret ?? randomBytes(32).toString('base64url');
  return `${unsigned}.${createHmac('sha256', Buffer.from(key, 'utf8')).update(unsigned).digest('base64url')}`;
}
