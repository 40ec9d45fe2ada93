import { defineIntegrationProvider, type IntegrationRegistration } from '@ionflux/kit/connections';

/** Instagram as the kit knows it: the id stored in kit tables and used in the `/oauth/instagram/…` routes. */
export const instagramProvider = defineIntegrationProvider({
  id: 'instagram',
  displayName: 'Instagram',
  accountNoun: 'account',
});

/**
 * What the Instagram subgraph registers. Its tokens live in the kit's credential table, so it has no
 * encrypted table of its own (a mirror with secrets would list its `EncryptedTable`s here).
 */
export const registration: IntegrationRegistration = {
  subgraph: 'instagram',
  providers: [instagramProvider],
  encryptedTables: [],
};
