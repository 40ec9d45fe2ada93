import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { parseIdentityPublicKey } from '../identity/index.ts';
import { optionalString } from './common-env.ts';

const INTERNAL_SECRET_MESSAGE =
  'IONFLUX_INTERNAL_SECRET must be at least 32 characters (e.g. openssl rand -base64 48)';

/** How a subgraph learns the key that verifies the identity the gateway forwards. */
export const identityKeyEnv = {
  /**
   * The gateway's Ed25519 public key: base64url of its 32 bytes (what `npm run token --
   * --identity-public-key` prints) or an SPKI PEM; several, comma-separated, while the gateway's key is
   * rotated. What production gives subgraphs. @default unset
   */
  IONFLUX_IDENTITY_PUBLIC_KEY: optionalString().transform((value, ctx): readonly KeyObject[] | undefined => {
    if (value === undefined) return undefined;
    const keys: KeyObject[] = [];
    for (const part of value.split(',')) {
      const parsed = parseIdentityPublicKey(part);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `IONFLUX_IDENTITY_PUBLIC_KEY ${parsed.reason}` });
        return z.NEVER;
      }
      keys.push(parsed.key);
    }
    return keys;
  }),
  /**
   * Development fallback when `IONFLUX_IDENTITY_PUBLIC_KEY` is unset: the gateway's secret, from which
   * the public key is derived (logged as such). @default unset
   */
  IONFLUX_INTERNAL_SECRET: optionalString().pipe(z.string().min(32, INTERNAL_SECRET_MESSAGE).optional()),
};

type IdentityKeyFields = { IONFLUX_IDENTITY_PUBLIC_KEY?: unknown; IONFLUX_INTERNAL_SECRET?: unknown };

/**
 * A subgraph's env schema, refined so that one of the identity keys must be set; the check runs even when
 * other keys are bad, so every problem is named at once.
 */
export function requireIdentityKey<Schema extends z.ZodType<IdentityKeyFields>>(schema: Schema) {
  return schema.refine(
    (env) => env.IONFLUX_IDENTITY_PUBLIC_KEY !== undefined || env.IONFLUX_INTERNAL_SECRET !== undefined,
    {
      path: ['IONFLUX_INTERNAL_SECRET'],
      message:
        'IONFLUX_INTERNAL_SECRET is required, or better (production) IONFLUX_IDENTITY_PUBLIC_KEY alone: ' +
        'the public key of the gateway that signs the identity it forwards',
      when: () => true,
    },
  );
}
