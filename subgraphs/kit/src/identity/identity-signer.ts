import { createPublicKey, type KeyObject } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import type { Identity } from './identity.ts';
import { deriveIdentityKeyPair, identityKeyId } from './identity-keys.ts';

/** The `iss` of every identity the gateway signs. */
export const IDENTITY_ISSUER = 'ionflux-gateway';

/** Who the gateway vouches for; the request id travels in `x-request-id` unless signed in (graphql-ws). */
export type SignedIdentity = Omit<Identity, 'requestId'> & { requestId?: string };

/** Signs the identity header; synchronous, since the gateway does it for every caller and subgraph. */
export interface IdentitySigner {
  /** A token for one subgraph (`audience`: its name in the supergraph, e.g. `llm`), refused by the others. */
  sign(identity: SignedIdentity, audience: string): string;
}

/**
 * Signs the identity the gateway forwards to subgraphs: an EdDSA (Ed25519) JWT whose `aud` is the one
 * subgraph it is for. Only the gateway holds the private key; subgraphs verify with the public key
 * ({@link createIdentityVerifier}), so a subgraph, even a compromised one, can neither mint an identity
 * for another subgraph nor replay one it received to another.
 *
 * fast-jwt rather than jose: jose signs through WebCrypto, an asynchronous job on the libuv thread pool
 * that measured 70–200 µs per operation on these machines; fast-jwt calls Node's synchronous
 * `crypto.sign`/`verify` (Ed25519 here: about 30 µs to sign, 90 µs to verify). A token names no request,
 * so the gateway reuses one per caller and subgraph for a while and subgraphs remember the tokens they
 * verified (never past `exp`): a request usually pays neither.
 *
 * @param key the gateway's Ed25519 private key, or `IONFLUX_INTERNAL_SECRET` to derive it from
 *   ({@link deriveIdentityKeyPair}).
 * @param ttlSeconds how long a signed identity stays valid; short, since it only has to cross one hop.
 * @default ttlSeconds 60
 */
export function createIdentitySigner(key: KeyObject | string, ttlSeconds = 60): IdentitySigner {
  const privateKey = typeof key === 'string' ? deriveIdentityKeyPair(key).privateKey : key;
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the identity key must be Ed25519');
  const signToken = createSigner({
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    algorithm: 'EdDSA',
    iss: IDENTITY_ISSUER,
    kid: identityKeyId(createPublicKey(privateKey)),
    expiresIn: ttlSeconds * 1000,
  });
  return {
    sign(identity, audience) {
      return signToken({
        aud: audience,
        sub: identity.userId,
        wid: identity.workspaceId,
        ...(identity.requestId === undefined ? {} : { rid: identity.requestId }),
      });
    },
  };
}
