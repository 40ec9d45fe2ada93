export type { MountOptions } from './mount-llm-graphql.ts';
export { mountLlmGraphql } from './mount-llm-graphql.ts';
