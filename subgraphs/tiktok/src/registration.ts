import { defineIntegrationProvider, type IntegrationRegistration } from '@ionflux/kit/connections';

/** TikTok as the kit knows it: connections of accounts, whose open_id is never shown to people. */
export const tiktokProvider = defineIntegrationProvider({
  id: 'tiktok',
  displayName: 'TikTok',
  accountNoun: 'account',
});

/**
 * What the TikTok subgraph registers (the package's `./registration` entry). Its tokens live in the
 * kit's credential table, so it has no encrypted table of its own.
 */
export const registration: IntegrationRegistration = {
  subgraph: 'tiktok',
  providers: [tiktokProvider],
  encryptedTables: [],
};
