import { parseEnv, portVar, subgraphEnv } from '@ionflux/kit/config';
import { z } from 'zod';

const shopifyEnvSchema = z.object({
  ...subgraphEnv,
  SHOPIFY_SUBGRAPH_PORT: portVar(4002),
});

export type ShopifyConfig = z.output<typeof shopifyEnvSchema>;

/** Reads the Shopify subgraph's env once, failing with every bad key named. */
export function parseShopifyConfig(env: Readonly<Record<string, string | undefined>>): ShopifyConfig {
  return parseEnv('shopify subgraph', shopifyEnvSchema, env);
}
