import { z } from 'zod';
import { PROVIDER_ID_PATTERN } from '../connections/index.ts';
import { hasValidSignature, type OAuthSigningKey, signFor } from './oauth-signing-key.ts';
import type { OAuthProvider } from './provider-profile.ts';

/** How long a `SCOPE_REQUIRED` grant URL stays usable. @default 86400000 (24 h) */
export const DEFAULT_GRANT_TICKET_TTL_MS = 24 * 3600_000;

/** What a grant URL asks for: more scopes on one connection, for one user of its workspace. */
export interface GrantTicket {
  provider: OAuthProvider;
  workspaceId: string;
  userId: string;
  connectionId: string;
  /** The missing scopes; the start route asks for these plus what the connection has. */
  scopes: string[];
  expiresAt: Date;
}

const payloadSchema = z.object({
  v: z.literal(1),
  p: z.string().regex(PROVIDER_ID_PATTERN),
  w: z.uuid(),
  u: z.uuid(),
  c: z.uuid(),
  s: z
    .array(z.string().regex(/^[\w.:-]{1,100}$/))
    .min(1)
    .max(50),
  x: z.number().int().positive(),
});

/**
 * A self-contained, signed, expiring ticket for a grant URL (`…/start?ticket=`): nothing is stored when
 * it is made, so answering `SCOPE_REQUIRED` any number of times writes no row. The state row is created
 * when a browser opens the URL (see `beginBrowserAuthorization`).
 */
export function createGrantTicket(key: OAuthSigningKey, ticket: Omit<GrantTicket, 'provider'>): string {
  const payload = Buffer.from(
    JSON.stringify({
      v: 1,
      p: key.provider,
      w: ticket.workspaceId,
      u: ticket.userId,
      c: ticket.connectionId,
      s: ticket.scopes,
      x: ticket.expiresAt.getTime(),
    }),
  ).toString('base64url');
  return `${payload}.${signFor(key, 'grant-ticket', payload)}`;
}

export type GrantTicketReading =
  | { ok: true; ticket: GrantTicket }
  | { ok: false; problem: 'malformed' | 'forged' | 'expired' };

/** Checks a ticket's signature (for this key's provider), shape and expiry. */
export function readGrantTicket(key: OAuthSigningKey, value: string, now: Date): GrantTicketReading {
  const dot = value.indexOf('.');
  if (dot <= 0 || value.length > 4096) return { ok: false, problem: 'malformed' };
  const payload = value.slice(0, dot);
  if (!hasValidSignature(key, 'grant-ticket', payload, value.slice(dot + 1))) {
    return { ok: false, problem: 'forged' };
  }
  let parsed: z.output<typeof payloadSchema>;
  try {
    parsed = payloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (parsed.p !== key.provider) return { ok: false, problem: 'forged' };
  if (parsed.x <= now.getTime()) return { ok: false, problem: 'expired' };
  return {
    ok: true,
    ticket: {
      provider: parsed.p,
      workspaceId: parsed.w,
      userId: parsed.u,
      connectionId: parsed.c,
      scopes: parsed.s,
      expiresAt: new Date(parsed.x),
    },
  };
}
