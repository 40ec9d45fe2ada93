import type { GraphQLResolverMap } from '@apollo/subgraph';
import {
  type RunningTestSubgraph,
  startTestSubgraph,
  type TestSubgraphContext,
} from './start-test-subgraph.ts';

export const CATALOG_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Order @key(fields: "id") {
    id: ID!
    "Resolved by this subgraph for every event: proves the per-event entity fetch."
    brandName: String!
    "The workspace this subgraph saw in the forwarded identity."
    catalogWorkspaceId: ID!
  }

  type Query {
    catalogReady: Boolean!
  }
`;

export interface RunningCatalogSubgraph extends RunningTestSubgraph {
  /** `Order` entities resolved so far (each event's entity fetch resolves one per shared subscription). */
  resolvedEntities(): number;
}

/** Extends the orders subgraph's `Order` by `@key(fields: "id")`. */
export async function startCatalogSubgraph(identityPublicKey: string): Promise<RunningCatalogSubgraph> {
  let resolved = 0;
  const resolvers = {
    Query: { catalogReady: () => true },
    Order: {
      __resolveReference: (reference: { id: string }, context: TestSubgraphContext) => {
        resolved++;
        return {
          id: reference.id,
          brandName: `Brand of order ${reference.id.slice(0, 8)}`,
          catalogWorkspaceId: context.identity.workspaceId,
        };
      },
    },
  } as unknown as GraphQLResolverMap<TestSubgraphContext>;
  const server = await startTestSubgraph('catalog', CATALOG_SDL, resolvers, identityPublicKey);
  return { ...server, resolvedEntities: () => resolved };
}
