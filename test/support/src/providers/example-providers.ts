import { defineIntegrationProvider } from '@ionflux/kit/connections';

// The kit names no provider, so its tests register their own, as a subgraph registers its (`registration.ts`).

/** A provider whose accounts pick themselves on the consent page (opaque ids, a display name). */
export const exampleProvider = defineIntegrationProvider({
  id: 'example',
  displayName: 'Example',
  accountNoun: 'account',
});

/** A provider whose accounts are named up front (a store's handle), which reads as a name. */
export const exampleStoreProvider = defineIntegrationProvider({
  id: 'example_store',
  displayName: 'Example Market',
  accountNoun: 'store',
  accountIdIsName: true,
});
