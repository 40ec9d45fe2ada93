import { createRequire } from 'node:module';

/**
 * graphql-js as `@apollo/gateway`, `graphql-ws` and `@apollo/subgraph` load it. Under Node, `import
 * 'graphql'` already resolves to this CommonJS build (graphql 16 has no `exports` map), but bundlers and
 * vitest pick its `module` field (the .mjs build): a second graphql instance whose `instanceof` checks
 * fail on the gateway's schemas and errors ("Cannot use GraphQLSchema from another module or realm").
 * Values that cross into those libraries come from here; types still come from 'graphql'.
 */
export const graphql: typeof import('graphql') = createRequire(import.meta.url)('graphql');
