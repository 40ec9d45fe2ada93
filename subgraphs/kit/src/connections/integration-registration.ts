import type { EncryptedTable } from '../crypto/index.ts';
import type { IntegrationProvider } from './integration-provider.ts';

/**
 * What one subgraph package tells the rest of the system about itself, exported as `registration` from
 * its `./registration` entry (`src/registration.ts`). Tools that act across integrations read every
 * package's registration instead of listing integrations: `npm run rotate-keys` re-encrypts each one's
 * `encryptedTables`, and a check holds each provider to the GraphQL `IntegrationProvider` enum.
 */
export interface IntegrationRegistration {
  /** The subgraph's name in the supergraph. */
  readonly subgraph: string;
  /** The providers whose connections it makes (rows of `kit.integration_connections`); may be empty. */
  readonly providers: readonly IntegrationProvider[];
  /** Its own tables with envelope-encrypted columns (kit/crypto); the kit's own are `kitEncryptedTables`. */
  readonly encryptedTables: readonly EncryptedTable[];
}
