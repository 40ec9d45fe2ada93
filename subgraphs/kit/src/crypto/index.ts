export type { CipherFailureReason } from './cipher-error.ts';
export { cipherFailureReason } from './cipher-error.ts';
export type { CiphertextContext } from './ciphertext-context.ts';
export { encodeContext } from './ciphertext-context.ts';
export type { CredentialCipher } from './credential-cipher.ts';
export { createCredentialCipher } from './credential-cipher.ts';
export type { CiphertextRow, EncryptedColumn, EncryptedTable } from './encrypted-table.ts';
export { contextFor, qualifiedTableName } from './encrypted-table.ts';
export { encryptedTables } from './encrypted-tables.ts';
export { generateMasterKey } from './generate-master-key.ts';
export type { Keyring } from './keyring.ts';
export { KEY_ID_PATTERN, MASTER_KEY_BYTES } from './keyring.ts';
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
