import type { KeyObject } from 'node:crypto';
import type { Logger } from '../logging/index.ts';
import { deriveIdentityKeyPair } from './identity-keys.ts';
import { createIdentityVerifier, type IdentityVerifier } from './identity-verifier.ts';

/** The env a subgraph verifies the forwarded identity with (`subgraphEnv` parses it). */
export interface IdentityKeyEnv {
  /** The gateway's public key(s): what production gives subgraphs. */
  IONFLUX_IDENTITY_PUBLIC_KEY?: readonly KeyObject[] | undefined;
  /** Development fallback: the gateway's secret, from which the public key is derived. */
  IONFLUX_INTERNAL_SECRET?: string | undefined;
}

/**
 * The identity verifier of the subgraph named `audience`: with `IONFLUX_IDENTITY_PUBLIC_KEY` when set,
 * else with the public key derived from `IONFLUX_INTERNAL_SECRET` (said in the log: a subgraph holding
 * the secret could derive the private key too, which is what giving it only the public key prevents).
 */
export function createSubgraphIdentityVerifier(
  audience: string,
  env: IdentityKeyEnv,
  logger: Logger,
): IdentityVerifier {
  if (env.IONFLUX_IDENTITY_PUBLIC_KEY?.length) {
    return createIdentityVerifier({ audience, publicKeys: env.IONFLUX_IDENTITY_PUBLIC_KEY });
  }
  if (!env.IONFLUX_INTERNAL_SECRET) {
    throw new Error('set IONFLUX_IDENTITY_PUBLIC_KEY (or, in development, IONFLUX_INTERNAL_SECRET)');
  }
  logger.warn(
    'IONFLUX_IDENTITY_PUBLIC_KEY is not set: the gateway identity key is derived from IONFLUX_INTERNAL_SECRET. ' +
      'A development convenience: in production give subgraphs only the public key ' +
      '(npm run token -- --identity-public-key prints it), so a subgraph cannot sign identities.',
  );
  return createIdentityVerifier({
    audience,
    publicKeys: [deriveIdentityKeyPair(env.IONFLUX_INTERNAL_SECRET).publicKey],
  });
}
