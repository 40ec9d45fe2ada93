import { workspaceProviderKeysEncryption } from '@ionflux/drizzle/llm';
import type { IntegrationRegistration } from '@ionflux/kit/connections';

/**
 * What the LLM subgraph registers (the package's `./registration` entry): no connection provider (its
 * providers are reached with API keys, not OAuth connections), and the workspace API keys it stores
 * sealed, which `npm run rotate-keys` re-encrypts.
 */
export const registration: IntegrationRegistration = {
  subgraph: 'llm',
  providers: [],
  encryptedTables: [workspaceProviderKeysEncryption],
};
