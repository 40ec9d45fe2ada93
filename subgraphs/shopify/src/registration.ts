import { defineIntegrationProvider, type IntegrationRegistration } from '@ionflux/kit/connections';

/** Shopify as the kit knows it: connections of stores, named by their myshopify domain. */
export const shopifyProvider = defineIntegrationProvider({
  id: 'shopify',
  displayName: 'Shopify',
  accountNoun: 'store',
  accountIdIsName: true,
});

/**
 * What the Shopify subgraph registers (the package's `./registration` entry). Its tokens live in the
 * kit's credential table, so it has no encrypted table of its own.
 */
export const registration: IntegrationRegistration = {
  subgraph: 'shopify',
  providers: [shopifyProvider],
  encryptedTables: [],
};
