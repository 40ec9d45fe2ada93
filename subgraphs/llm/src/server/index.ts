export type { GraphqlWsOptions } from './attach-graphql-ws.ts';
export { attachGraphqlWs } from './attach-graphql-ws.ts';
export type { MountOptions } from './mount-llm-graphql.ts';
export { mountLlmGraphql } from './mount-llm-graphql.ts';
