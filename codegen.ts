import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types for each subgraph, generated from its SDL in schema/ (the source of truth).
const resolverConfig = (contextType: string) => ({
  federation: true,
  useTypeImports: true,
  enumsAsTypes: true,
  strictScalars: true,
  scalars: { DateTime: 'Date | string', Decimal: 'string', _FieldSet: 'string' },
  contextType,
  useIndexSignature: false,
  avoidOptionals: false,
});

const subgraph = (
  name: string,
  files: string[],
  contextType: string,
  mappers: Record<string, string> = {},
) => ({
  [`subgraphs/${name}/src/generated/resolvers-types.ts`]: {
    schema: files.map((file) => `schema/${file}`),
    plugins: ['typescript', 'typescript-resolvers'],
    config: { ...resolverConfig(contextType), mappers },
  },
});

// Shopify read types resolve from the generic IONFLUX shapes (spec 4.G), which carry the connection id.
const shopifyMappers = {
  ShopifyProduct: '../mapping/index.ts#IonfluxProduct',
  ShopifyOrder: '../mapping/index.ts#IonfluxOrder',
  ShopifyLineItem: '../mapping/index.ts#IonfluxLineItem',
  RevenueSummary: '../revenue/index.ts#RevenueSummaryParent',
  ShopifySalesEvent: '../sales-events/index.ts#SalesEvent',
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...subgraph('llm', ['llm.graphql'], '../context.ts#LlmContext'),
    ...subgraph(
      'shopify',
      ['shopify.graphql', 'connections.graphql'],
      '../context.ts#ShopifyContext',
      shopifyMappers,
    ),
    ...subgraph(
      'tiktok',
      ['tiktok.graphql', 'tiktok-research.graphql', 'connections.graphql'],
      '../context.ts#TikTokContext',
    ),
  },
};

export default config;
