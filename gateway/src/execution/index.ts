export type { CompiledGatewayOptions, FetchSender } from './compiled-gateway.ts';
export { compiledGateway } from './compiled-gateway.ts';
export type { SendFetch } from './execute-plan.ts';
export { processFetch } from './execute-plan.ts';
export { mergeEntityFetches } from './merge-entity-fetches.ts';
