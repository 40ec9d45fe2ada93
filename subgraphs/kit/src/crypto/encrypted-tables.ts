import { connectionCredentialsEncryption, oauthStatesEncryption } from '@ionflux/drizzle/kit';
import { workspaceProviderKeysEncryption } from '@ionflux/drizzle/llm';
import type { EncryptedTable } from './encrypted-table.ts';

/**
 * Every table with envelope-encrypted columns: what `rotateCredentials` re-encrypts by default. A new
 * table storing a secret declares its descriptor beside its definition and is added here.
 */
export const encryptedTables: readonly EncryptedTable[] = [
  connectionCredentialsEncryption,
  oauthStatesEncryption,
  workspaceProviderKeysEncryption,
];
