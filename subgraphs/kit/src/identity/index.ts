export type { Identity } from './identity.ts';
export { IDENTITY_HEADER, REQUEST_ID_HEADER } from './identity.ts';
export type { IdentitySigner, IdentityVerification, SignedIdentity } from './identity-signer.ts';
export { createIdentitySigner } from './identity-signer.ts';
