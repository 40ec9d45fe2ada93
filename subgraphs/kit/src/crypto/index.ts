// Envelope encryption of stored credentials (OAuth tokens, PKCE verifiers, workspace LLM keys).
//
// Keys: `IONFLUX_MASTER_KEY=<keyId>:<base64 of 32 bytes>` (the active key: seals and opens) and
// `IONFLUX_MASTER_KEYS_PREVIOUS=<keyId>:<base64>,...` (open only), read through the secrets provider by
// `loadKeyring`. New key: `npm run rotate-keys -- --new-key k2026-12`.
//
// Stored: the `*_ciphertext` bytea column holds version (0x01) | 12-byte random IV | AES-256-GCM
// ciphertext | 16-byte tag; the `*_key_id` column beside it holds the key id. The AAD is the row's
// `contextFor(descriptor, column, { rowId, workspaceId })`, so a value copied elsewhere does not open.
//
// Use: `open` right before the call that needs the plaintext; keep it for that request only; never cache,
// log or return it.
//
// Rotation, with no downtime: (1) put the new key in IONFLUX_MASTER_KEYS_PREVIOUS on every service; (2) make
// it IONFLUX_MASTER_KEY, the old key moving to IONFLUX_MASTER_KEYS_PREVIOUS, and roll the services; (3) run
// `npm run rotate-keys` until it reports 0 remaining (`-- --verify` also opens every value under the new
// key); (4) drop the old key.
export type { CipherFailureReason } from './cipher-error.ts';
export { cipherFailureReason } from './cipher-error.ts';
export type { CiphertextContext } from './ciphertext-context.ts';
export { encodeContext } from './ciphertext-context.ts';
export type { CredentialCipher } from './credential-cipher.ts';
export { createCredentialCipher } from './credential-cipher.ts';
export type { CiphertextRow, EncryptedColumn, EncryptedTable } from './encrypted-table.ts';
export { contextFor, qualifiedTableName } from './encrypted-table.ts';
export { generateMasterKey } from './generate-master-key.ts';
export type { Keyring } from './keyring.ts';
export { KEY_ID_PATTERN, MASTER_KEY_BYTES } from './keyring.ts';
export { kitEncryptedTables } from './kit-encrypted-tables.ts';
export { loadKeyring } from './load-keyring.ts';
export { parseKeyring } from './parse-keyring.ts';
export type {
  ColumnRotation,
  RotationFailure,
  RotationOptions,
  RotationReport,
} from './rotate-credentials.ts';
export { rotateCredentials } from './rotate-credentials.ts';
export type { SealedValue } from './sealed-value.ts';
export { SealedFormat } from './sealed-value.ts';
