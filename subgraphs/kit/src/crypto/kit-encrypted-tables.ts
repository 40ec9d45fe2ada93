import { connectionCredentialsEncryption, oauthStatesEncryption } from '@ionflux/drizzle/kit';
import type { EncryptedTable } from './encrypted-table.ts';

/**
 * The kit's own tables with envelope-encrypted columns (OAuth tokens, PKCE verifiers). A subgraph
 * lists its own in its registration (`IntegrationRegistration.encryptedTables`); `npm run rotate-keys`
 * re-encrypts both.
 */
export const kitEncryptedTables: readonly EncryptedTable[] = [
  connectionCredentialsEncryption,
  oauthStatesEncryption,
];
