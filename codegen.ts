import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types for each subgraph, generated from its SDL in schema/ (the source of truth).
const resolverConfig = (contextType: string) => ({
  federation: true,
  useTypeImports: true,
  enumsAsTypes: true,
  strictScalars: true,
  scalars: { DateTime: 'Date | string', _FieldSet: 'string' },
  contextType,
  useIndexSignature: false,
  avoidOptionals: false,
});

const subgraph = (name: string, files: string[], contextType: string) => ({
  [`subgraphs/${name}/src/generated/resolvers-types.ts`]: {
    schema: files.map((file) => `schema/${file}`),
    plugins: ['typescript', 'typescript-resolvers'],
    config: resolverConfig(contextType),
  },
});

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...subgraph('llm', ['llm.graphql'], '../context.ts#LlmContext'),
    ...subgraph('shopify', ['shopify.graphql', 'connections.graphql'], '../context.ts#ShopifyContext'),
    ...subgraph('tiktok', ['tiktok.graphql', 'connections.graphql'], '../context.ts#TikTokContext'),
  },
};

export default config;
