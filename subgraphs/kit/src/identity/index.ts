export type { Identity } from './identity.ts';
export { IDENTITY_HEADER, REQUEST_ID_HEADER } from './identity.ts';
export type { IdentityKeyPair, IdentityKeyParse } from './identity-keys.ts';
export {
  deriveIdentityKeyPair,
  formatIdentityPublicKey,
  identityKeyId,
  identityPublicKeyFor,
  parseIdentityPublicKey,
} from './identity-keys.ts';
export type { IdentitySigner, SignedIdentity } from './identity-signer.ts';
export { createIdentitySigner, IDENTITY_ISSUER } from './identity-signer.ts';
export type { IdentityVerification, IdentityVerifier, IdentityVerifierOptions } from './identity-verifier.ts';
export { createIdentityVerifier } from './identity-verifier.ts';
export type { IdentityKeyEnv } from './subgraph-identity-verifier.ts';
export { createSubgraphIdentityVerifier } from './subgraph-identity-verifier.ts';
