export {
  commonEnv,
  durationSecondsVar,
  optionalPortVar,
  optionalString,
  portVar,
  secretVar,
} from './common-env.ts';
export { identityKeyEnv, requireIdentityKey } from './identity-key-env.ts';
export { ConfigError, parseEnv } from './parse-env.ts';
export type { SubgraphEnv } from './subgraph-env.ts';
export { subgraphEnv, subgraphEnvSchema } from './subgraph-env.ts';
