export { commonEnv, optionalString, portVar, secretVar } from './common-env.ts';
export { ConfigError, parseEnv } from './parse-env.ts';
export type { SubgraphEnv } from './subgraph-env.ts';
export { subgraphEnv, subgraphEnvSchema } from './subgraph-env.ts';
